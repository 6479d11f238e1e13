#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build` (run by `npm ci` through the
// `prepare` script); rolldown.config.js says why it is a bundle.
import { main } from '../dist/cli.bundle.js';

process.exitCode = await main(process.argv);
