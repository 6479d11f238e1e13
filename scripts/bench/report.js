/** The benchmark's final table, in Markdown, ready for the README's "Performance" section. */

/** @param {string} text */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Renders the findings with the machine they were measured on.
 * @param {readonly import('./results.js').Row[]} rows
 * @param {ReturnType<typeof import('./machine.js').describeMachine>} machine
 * @param {string} mode e.g. "full run" or "--quick run"
 */
export function renderReport(rows, machine, mode) {
  const lines = [
    `Measured ${machine.date} on ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node} (${mode}; medians, alternating runs).`,
    '',
    '| Part | Measure | Value | Target | Result |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.part} | ${cell(r.measure)} | ${cell(r.value)} | ${cell(r.target)} | ${r.result} |`),
  ];
  const count = (/** @type {string} */ result) => rows.filter((r) => r.result === result).length;
  lines.push('', `${count('PASS')} PASS, ${count('FAIL')} FAIL, ${count('SKIP')} SKIP.`);
  return `${lines.join('\n')}\n`;
}
