#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx's loader: no build step, so `npm ci` is the
// whole set-up and the command always runs the code in the repository. (The Lambda bundle is
// built separately by esbuild.)
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
