/**
 * The alternation-RegExp baseline, run in its own process by the benchmark so that a
 * dictionary whose RegExp takes minutes to compile can be stopped at a time limit.
 * Usage: node --import tsx tests/bench/regex-child.ts <dictionary> <article-file>
 * Prints one JSON line: compile time (construction plus first use), warm-up time (V8 moves
 * a busy RegExp from bytecode to machine code), and throughput on the article.
 */
import { readFileSync } from 'node:fs';
import { compileRegexBaseline } from './baselines';
import { loadDictionaries, sharedDir } from './corpus';
import { cappedThroughput } from './measure';

const [name, articleFile] = process.argv.slice(2);
const shared = sharedDir();
const dictionary = shared ? loadDictionaries(shared).find((d) => d.name === name) : undefined;
if (!dictionary || !articleFile) throw new Error('usage: regex-child.ts <dictionary> <article-file>');
const article = readFileSync(articleFile, 'utf8');
const started = performance.now();
const regex = compileRegexBaseline(dictionary.entries);
regex.run('x');
const compiled = performance.now();
regex.run(article.slice(0, 1000));
regex.run(article.slice(0, 1000));
const warmed = performance.now();
const speed = cappedThroughput(article, 1500, regex.run);
console.log(JSON.stringify({ compileMs: compiled - started, warmupMs: warmed - compiled, ...speed }));
