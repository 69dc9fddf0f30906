// The output formats of `readiness-lint check --format`.
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit' | 'gitlab';

export const formatters: Record<FormatName, Formatter> = { stylish, json, sarif, github, junit, gitlab };
