import { describe, expect, it } from 'vitest';
import { parseRobots } from '../../src/http/robots.js';
import { renderUserAgent } from '../../src/http/user-agent.js';

describe('renderUserAgent', () => {
  it('names the tool, its version and where to learn about it', () => {
    expect(renderUserAgent('0.1.0')).toBe(
      'beauvais-archive/0.1.0 (+https://github.com/beauvais-archive/beauvais-archive; archive of www.beauvais.fr news)',
    );
  });

  it('is matched by a robots.txt group for beauvais-archive', () => {
    const policy = parseRobots('https://www.beauvais.fr/robots.txt', 'User-agent: beauvais-archive\nDisallow: /\n', renderUserAgent('0.1.0'));
    expect(policy.isAllowed('https://www.beauvais.fr/actualites/1-a.html')).toBe(false);
  });
});
