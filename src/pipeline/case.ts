// Case stage: gathers what a dispute needs — the order number, the kind of problem and the shopper's photos — over
// as many messages as it takes, in any order. A case starts with a confident "item_problem" message, or with a
// picture whose message is not confidently about something else; the rules decide what to ask next (fact `case`)
// and open the case with a hand-off whose params say `"openCase": true`. Pure: no clock, no store.
import type { Entities } from './entities.js';
import type { IntentResult } from './intent.js';
import { fold } from './text.js';

export type ProblemKind = 'damaged' | 'wrong' | 'missing' | 'faulty';

export interface CaseState {
  status: 'collecting' | 'open';
  orderNumber?: string;
  problem?: ProblemKind;
  attachmentIds: string[];
  openedAt?: string;
}

/** The `case` fact: the case with this message taken in. */
export interface CaseFact {
  status: CaseState['status'];
  orderNumber?: string;
  problem?: ProblemKind;
  /** Photos in the case so far. */
  photos: number;
  /** Whether this message started the case or added to it. */
  updated: boolean;
}

export const CASE_INTENT = 'item_problem';
export const CASE_SLOT = 'case';
const PROBLEM_PAYLOAD = /^problem:(damaged|wrong|missing|faulty)$/;
/** At most this many photos are kept in one case. */
const CASE_PHOTOS = 10;

/**
 * Words that say what went wrong, folded (lower case, no accents), per kind; whole words or word starts for
 * Latin and Cyrillic scripts, substrings for Japanese and Arabic. The first kind found wins, in this order, so
 * "broken" counts as damaged even in "it arrived broken and doesn't work".
 */
const PROBLEM_WORDS: Record<ProblemKind, string[]> = {
  damaged: [
    'damaged', 'broken', 'broke', 'cracked', 'smashed', 'shattered', 'dented', 'torn', 'ripped', 'scratched', 'stained',
    'roto', 'rota', 'rotos', 'rotas', 'danado', 'danada', 'estropeado', 'rajado', 'golpeado',
    'casse', 'cassee', 'endommage', 'endommagee', 'abime', 'abimee', 'fele', 'felee', 'dechire',
    'kaputt', 'beschadigt', 'zerbrochen', 'gebrochen', 'zerkratzt', 'eingedellt', 'gerissen',
    'rotto', 'rotta', 'danneggiato', 'danneggiata', 'crepato', 'crepata', 'ammaccato', 'graffiato', 'strappato',
    'quebrado', 'quebrada', 'partido', 'partida', 'danificado', 'danificada', 'amassado', 'rachado', 'rasgado',
    'kapot', 'beschadigd', 'gebroken', 'gebarsten', 'gescheurd', 'gedeukt',
    'uszkodzony', 'uszkodzona', 'uszkodzone', 'zepsuty', 'zbity', 'zbita', 'peknięty', 'pekniety', 'porysowany', 'rozbity', 'rozbita',
    'разбит', 'разбита', 'разбито', 'разбилась', 'поврежден', 'повреждена', 'повреждено', 'сломан', 'сломана', 'треснул', 'треснула', 'порван', 'помят',
    'kirik', 'kırık', 'hasarli', 'hasarlı', 'catlak', 'çatlak', 'ezik', 'yirtik', 'yırtık', 'cizik', 'çizik',
    'مكسور', 'مكسورة', 'تالف', 'تالفة', 'متضرر', 'متضررة', 'مشروخ', 'ممزق',
    '壊れ', '割れ', '破損', '傷', 'へこ', '破れ', 'ひび',
  ],
  wrong: [
    'wrong', 'incorrect', 'different', 'instead',
    'equivocado', 'equivocada', 'incorrecto', 'incorrecta', 'distinto', 'distinta', 'otro', 'otra',
    'mauvais', 'mauvaise', 'erreur', 'incorrect', 'autre', 'pas le bon', 'pas la bonne',
    'falsch', 'falsche', 'falschen', 'falsches', 'anderen', 'andere', 'verwechselt',
    'sbagliato', 'sbagliata', 'errato', 'errata', 'diverso', 'diversa',
    'errado', 'errada', 'trocado', 'trocada', 'diferente',
    'verkeerd', 'verkeerde', 'ander', 'andere',
    'zly', 'zła', 'zla', 'złe', 'zle', 'niewlasciwy', 'niewłaściwy', 'inny', 'inna', 'pomylka', 'pomyłka',
    'не тот', 'не та', 'не то', 'неправильн', 'другой', 'другая', 'другое', 'перепутали',
    'yanlis', 'yanlış', 'farkli', 'farklı', 'baska', 'başka',
    'خطأ', 'خاطئ', 'خاطئة', 'مختلف', 'مختلفة', 'غلط',
    '違う', '違い', '間違', '別の', '異なる',
  ],
  missing: [
    'missing', 'lacking', 'incomplete', 'empty', 'not included',
    'falta', 'faltan', 'faltaba', 'incompleto', 'incompleta', 'vacio', 'vacia',
    'manque', 'manquant', 'manquante', 'manquent', 'incomplet', 'incomplete', 'vide',
    'fehlt', 'fehlen', 'fehlend', 'fehlende', 'unvollstandig', 'leer',
    'manca', 'mancano', 'mancante', 'incompleto', 'vuoto', 'vuota',
    'faltando', 'falta', 'incompleto', 'vazio', 'vazia',
    'ontbreekt', 'ontbreken', 'ontbrekend', 'onvolledig', 'leeg',
    'brakuje', 'brak', 'brakowalo', 'brakowało', 'niekompletny', 'niekompletna', 'pusta', 'pusty',
    'не хватает', 'отсутствует', 'недостает', 'недостаёт', 'неполн', 'пуст',
    'eksik', 'bos', 'boş', 'yok',
    'ناقص', 'ناقصة', 'مفقود', 'مفقودة', 'فارغ', 'فارغة', 'ينقص',
    '足りない', '入っていな', '入ってな', '欠品', '不足',
  ],
  faulty: [
    'faulty', 'defective', 'doesnt work', "doesn't work", 'not working', 'stopped working', 'dead', 'malfunction',
    'defectuoso', 'defectuosa', 'no funciona', 'no enciende', 'averiado', 'averiada',
    'defectueux', 'defectueuse', 'ne marche pas', 'ne fonctionne pas', 'en panne', "ne s'allume pas",
    'defekt', 'funktioniert nicht', 'geht nicht', 'fehlerhaft',
    'difettoso', 'difettosa', 'non funziona', 'guasto', 'guasta', 'non si accende',
    'defeituoso', 'defeituosa', 'nao funciona', 'não funciona', 'avariado', 'nao liga', 'não liga',
    'defect', 'werkt niet', 'doet het niet', 'stuk',
    'wadliwy', 'wadliwa', 'nie dziala', 'nie działa', 'niesprawny', 'wada',
    'не работает', 'бракован', 'неисправ', 'не включается', 'брак',
    'calismiyor', 'çalışmıyor', 'bozuk', 'arizali', 'arızalı', 'defolu',
    'لا يعمل', 'معطل', 'معطلة', 'معيب', 'معيبة', 'لا تعمل',
    '動かない', '故障', '不良', '作動しない', '使えない', '電源が入らない',
  ],
};

const foldedWords = Object.fromEntries(
  Object.entries(PROBLEM_WORDS).map(([kind, words]) => [kind, [...new Set(words.map((word) => fold(word)))]]),
) as Record<ProblemKind, string[]>;

const isWordScript = (word: string) => /^[\p{Script=Latin}\p{Script=Cyrillic}\s']+$/u.test(word);

/** The kind of problem a message names, from a quick reply's payload ("problem:damaged") or from its words. */
export function guessProblem(text: string, payload?: string): ProblemKind | undefined {
  const named = payload?.match(PROBLEM_PAYLOAD)?.[1];
  if (named) return named as ProblemKind;
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  for (const kind of Object.keys(foldedWords) as ProblemKind[]) {
    for (const word of foldedWords[kind]) {
      // Latin and Cyrillic words match at a word start (so "сломан" finds "сломанный"); other scripts anywhere.
      if (isWordScript(word) ? folded.includes(` ${word}`) : folded.includes(word)) return kind;
    }
  }
  return undefined;
}

export interface CaseInput {
  text: string;
  payload?: string;
  intent: IntentResult;
  entities: Entities;
  attachmentIds: string[];
  /** What the bot asked for in its last message. */
  awaiting?: string;
}

/** The case with this message taken in; undefined when there is none and this message does not start one. */
export function gatherCase(previous: CaseState | undefined, input: CaseInput): { state: CaseState; updated: boolean } | undefined {
  const isAboutProblem = input.intent.confident && input.intent.intent === CASE_INTENT;
  const hasPhotos = input.attachmentIds.length > 0;
  const isElsewhere = input.intent.confident && input.intent.intent !== CASE_INTENT;
  if (previous?.status === 'open') {
    // More photos for an open case join it; nothing else changes an open case.
    const fresh = hasPhotos && !isElsewhere ? input.attachmentIds.filter((id) => !previous.attachmentIds.includes(id)).slice(0, Math.max(0, CASE_PHOTOS - previous.attachmentIds.length)) : [];
    return fresh.length ? { state: { ...previous, attachmentIds: [...previous.attachmentIds, ...fresh] }, updated: true } : { state: previous, updated: false };
  }
  // A case starts with a problem, or with a photo sent for no other reason (or with a problem's quick reply).
  const fromQuickReply = input.payload !== undefined ? guessProblem(input.text, input.payload) : undefined;
  const starts = isAboutProblem || (hasPhotos && !isElsewhere) || !!fromQuickReply;
  if (!previous && !starts) return undefined;
  // Only now, for a case: most messages have nothing to do with one, and the word lists are long.
  const problem = fromQuickReply ?? guessProblem(input.text, input.payload);
  const state: CaseState = previous ? { ...previous, attachmentIds: [...previous.attachmentIds] } : { status: 'collecting', attachmentIds: [] };
  let updated = !previous;
  // An order number counts when the bot asked for the case's details or the message is about the problem.
  const isForTheCase = input.awaiting === CASE_SLOT || isAboutProblem || updated;
  if (input.entities.orderNumber && isForTheCase && input.entities.orderNumber !== state.orderNumber) {
    state.orderNumber = input.entities.orderNumber;
    updated = true;
  }
  if (problem && problem !== state.problem && (isForTheCase || !isElsewhere)) {
    state.problem = problem;
    updated = true;
  }
  const fresh = input.attachmentIds.filter((id) => !state.attachmentIds.includes(id));
  if (fresh.length && state.attachmentIds.length < CASE_PHOTOS) {
    state.attachmentIds.push(...fresh.slice(0, CASE_PHOTOS - state.attachmentIds.length));
    updated = true;
  }
  return { state, updated };
}

export function caseFact(gathered: { state: CaseState; updated: boolean } | undefined): CaseFact | null {
  if (!gathered) return null;
  const { state, updated } = gathered;
  const fact: CaseFact = { status: state.status, photos: state.attachmentIds.length, updated };
  if (state.orderNumber) fact.orderNumber = state.orderNumber;
  if (state.problem) fact.problem = state.problem;
  return fact;
}
