import { foldTerm } from '@/lib/text/fold';

// Words so frequent in news text that an alias made of one would be marked all over
// almost every page. A small hand-made list: the most common English words plus the
// everyday vocabulary of news writing.
const WORDS = `the of and to in is was for on that with as by at from it an be this are
have has had not but or his her they their he she we you its were which been will would
who more one two new said says after over about than also all up out into can when there
year years time first last other some could people government state states president
minister war world country city party police court law house news report week day today
group part home back game team use work public local national may june april march`;

const COMMON = new Set(WORDS.split(/\s+/).map(foldTerm).filter(Boolean));

/** True when a term is one very common word ("the", "state", "war"). */
export function isCommonWord(term: string): boolean {
  return COMMON.has(foldTerm(term));
}
