import type { RequestText } from './request-text.js';

/** Words around a topic that name no subject: articles, quantities, difficulty, evaluation words. */
const ENGLISH_FILLERS = new Set(
  `a an the of on in at for about with to from by and or vs versus some any all every each this that these those
  my our your their its his her them it me us we you i he she they is are be was were do does did how what which who
  whom good well best better bad great quick quickly short long simple simplest basic advanced hard harder hardest
  easy easier difficult tricky tough challenging random randomly sampled various different diverse mixed general
  generic typical common standard real realistic new recent latest sample samples test tests testing exam exams quiz
  quizzes trivia benchmark benchmarks benchhub eval evals evaluation evaluate evaluating assess assessing check
  checking score scoring scored rate rating run running compare comparing comparison measure measuring model models
  llm llms question questions item items problem problems prompt prompts example examples task tasks stuff things
  thing topic topics subject subjects area areas field fields domain domains skill skills ability abilities level
  levels performance capability capabilities set sets total overall only just more less than up please kind kinds
  sort type types style format korea korean koreans english language languages local localhost server specific
  specifically mostly also too very really answer answers answering answered grade graded grading choice choices
  world background prior basic expert everything anything something full whole entire country national
  international global south north everyday daily wide broad range whatever`.split(/\s+/),
);

const STOP_PREPOSITIONS = new Set(
  'on of in for with about at from to by and or using via than as into over across through'.split(' '),
);

const KOREAN_FILLERS = new Set(
  `한국 한국의 우리 우리나라 국내 아무 아무거나 이런 그런 어떤 다양한 여러 모든 전체 전 일반 일반적인 기본 기본적인 쉬운 어려운
  간단한 랜덤 무작위 샘플 테스트 평가 벤치마크 데이터 데이터셋 수능 기출 시험 실제 실전 최신 요즘 관련 분야 쪽 종류 유형 형식
  빠르게 좀 간단히 연습 예제 응용 심화 퀴즈 모의 난이도 높은 낮은 중간 정도 수준 영역 주제 과목 문제 문항 질문 지식 능력 실력
  성능 모델 모델들 대한 대해 위한 같은 등 및 각 두 세 총 합쳐서 전부 가지 배경 사전 전문 기초 전반 전반적인 관한 대학 대학교
  입학 방학 유학 재학 중학 중학교 고등학교 초등학교 초등학 고등학 중등학`.split(/\s+/),
);

const KOREAN_PARTICLES =
  /(?:에서|으로|이랑|하고|에게|까지|부터|처럼|에|의|을|를|은|는|이|가|로|와|과|랑|도|만)$/;
const KOREAN_MODIFIER = /(?:한|은|는|운|인|된|적|던|할|울)$/;
/** English endings of disciplines and activities: what "on X"/"at X" must look like to be a topic. */
const DISCIPLINE = /(?:ing|logy|logies|ics|istry|graphy|nomy|sophy|ism|ture)$/;

const WORD = "[A-Za-z][A-Za-z'-]*";
const ENGLISH_ANCHOR = new RegExp(
  `(${WORD}(?:\\s+${WORD}){0,3})\\s+(?:questions?|items?|problems?|samples?|prompts?|quiz(?:zes)?|mcqs?|trivia|puzzles?|riddles?)(?![A-Za-z])`,
  'gi',
);
const ENGLISH_ABOUT = new RegExp(
  `(?:about|regarding|concerning|knowledge\\s+of|understanding\\s+of|in\\s+the\\s+(?:field|area|domain)\\s+of|on\\s+the\\s+(?:topic|subject)\\s+of)\\s+(${WORD}(?:\\s+${WORD}){0,3})`,
  'gi',
);
const ENGLISH_ON = new RegExp(
  `(?<![A-Za-z])(?:on|at|in)\\s+(${WORD}(?:\\s+${WORD}){0,2})\\s*(?:[?.!,;]|$)`,
  'gi',
);
const KOREAN_ANCHOR = /((?:[가-힣A-Za-z]+\s+){0,2}[가-힣A-Za-z]+)\s*(?:문제|문항|퀴즈|시험|지식|분야|과목)/g;
const KOREAN_DISCIPLINE = /[가-힣]{2,}학(?=[가-힣]{0,2}(?:\s|$|[.,?!]))/g;

const lower = (w: string): string => w.toLowerCase().replace(/'s$/, '');

/** Content words of the phrase ending right before an anchor: read backwards up to a preposition. */
function wordsBefore(phrase: string): string[] {
  const words = phrase.split(/\s+/).map(lower);
  const cut = words.map((w) => STOP_PREPOSITIONS.has(w)).lastIndexOf(true);
  return words.slice(cut + 1).filter((w) => w !== '' && !ENGLISH_FILLERS.has(w));
}

/** Content words of the phrase starting right after a cue: read forwards up to a preposition. */
function wordsAfter(phrase: string): string[] {
  const words = phrase.split(/\s+/).map(lower);
  const cut = words.findIndex((w) => STOP_PREPOSITIONS.has(w));
  return (cut === -1 ? words : words.slice(0, cut)).filter((w) => w !== '' && !ENGLISH_FILLERS.has(w));
}

function koreanContent(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .map((w) => w.replace(KOREAN_PARTICLES, ''))
    .filter((w) => w !== '' && !KOREAN_FILLERS.has(w) && !KOREAN_MODIFIER.test(w) && /[가-힣]/.test(w));
}

/**
 * A topic the request asks about that no lexicon term, model, number or language word took: the words
 * before "questions"/"문제" (`100 quantum cooking questions`, `드래곤 조련학 문제`), after "about"/"knowledge
 * of", a discipline-like phrase after "on"/"at" at the end of a clause (`on dragon taming`), or a Korean
 * discipline word (`…학`). Filler words do not count. Run last, on what the other extractors left; the
 * caller asks only when no subject or benchmark was recognised.
 *
 * @returns The topic as written, or undefined when nothing is left.
 */
export function findUnknownTopic(text: RequestText): string | undefined {
  const rest = text.remaining;
  const candidates: string[][] = [
    ...[...rest.matchAll(ENGLISH_ANCHOR)].map((m) => wordsBefore(m[1] ?? '')),
    ...[...rest.matchAll(ENGLISH_ABOUT)].map((m) => wordsAfter(m[1] ?? '')),
    ...[...rest.matchAll(ENGLISH_ON)]
      .map((m) => wordsAfter(m[1] ?? ''))
      .filter((words) => words.some((w) => DISCIPLINE.test(w))),
    ...[...rest.matchAll(KOREAN_ANCHOR)].map((m) => koreanContent(m[1] ?? '')),
    ...[...rest.matchAll(KOREAN_DISCIPLINE)].map((m) => koreanContent(m[0])),
  ];
  return candidates.find((words) => words.length > 0)?.join(' ');
}
