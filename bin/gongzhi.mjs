#!/usr/bin/env node
// The operator's command line: `npx gongzhi start|migrate|seed`. Runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/src/main.ts');
