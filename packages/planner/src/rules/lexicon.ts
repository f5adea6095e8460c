/**
 * The rule planner's vocabulary: Korean and English words and phrases, each mapped to a canonical subject,
 * task type, problem type or target type of BenchHub. Subjects follow core's taxonomy and the golden set's
 * mapping decisions (a vague area stays coarse; medicine maps to `Tech./Biomedical Eng.` with a note).
 *
 * Writing conventions: English terms are matched case-insensitively between word boundaries (spaces and
 * hyphens interchangeable); Korean terms are matched inside words (Korean attaches particles), except those
 * written with a leading `^`, which must start a word (`^법` is law, but not the `법` of `방법`). Longer
 * terms win over the shorter terms they contain (`전통문화` before `문화`, `chemical engineering` before
 * `chemical`).
 *
 * Data module; extend it by adding words.
 */
import type { TaskType } from '@benchhub/core';
import { escapeRegExp } from './escape-regexp.js';

/** What a term means. */
export type LexiconMeaning =
  | {
      kind: 'subject';
      /** Canonical subject name. */
      value: string;
      /** Used only when no other subject is named (`법 상식` is law, `상식` alone is commonsense). */
      weak?: true;
      /** A warning given whenever the term is mapped (an approximate mapping). */
      note?: string;
    }
  | { kind: 'taskType'; value: TaskType }
  | { kind: 'problemType'; value: 'MCQA' | 'open-ended' | 'binary' | 'short-form' }
  | { kind: 'targetType'; value: 'General' | 'Local' };

/** Terms with the meanings they carry (a term may carry several: `general knowledge`). */
export interface LexiconEntry {
  readonly means: readonly LexiconMeaning[];
  readonly en?: readonly string[];
  readonly ko?: readonly string[];
}

const subject = (
  value: string,
  en: string[],
  ko: string[],
  extra: { weak?: true; note?: string } = {},
): LexiconEntry => ({
  means: [{ kind: 'subject', value, ...extra }],
  en,
  ko,
});

const MEDICINE_NOTE =
  'BenchHub has no medicine subject: mapped to the nearest, Tech./Biomedical Eng. ("applied sciences in medicine, healthcare")';

/** Subjects by their Korean and English names. */
export const SUBJECT_LEXICON: readonly LexiconEntry[] = [
  // HASS
  subject(
    'HASS/History',
    ['history', 'historical', 'histories', 'archaeology'],
    [
      '역사',
      '한국사',
      '국사',
      '세계사',
      '동양사',
      '서양사',
      '사학',
      '조선시대',
      '고려시대',
      '삼국시대',
      '고고학',
    ],
  ),
  subject(
    'HASS/Law',
    ['law', 'laws', 'legal', 'legislation', 'jurisprudence', 'bar exam', 'statutes'],
    ['법률', '법학', '법령', '헌법', '민법', '형법', '판례', '^법', '변호사 시험', '변호사시험'],
  ),
  subject(
    'HASS/Economics',
    ['economics', 'economy', 'economic', 'macroeconomics', 'microeconomics'],
    ['경제학', '경제'],
  ),
  subject('HASS/Philosophy', ['philosophy', 'philosophical', 'aesthetics'], ['철학', '미학', '윤리학']),
  subject('HASS/Psychology', ['psychology', 'psychological'], ['심리학', '심리']),
  subject('HASS/Politics', ['politics', 'political', 'political science', 'government'], ['정치학', '정치']),
  subject('HASS/Geography', ['geography', 'geographic', 'geographical'], ['지리학', '지리']),
  subject('HASS/Religion', ['religion', 'religions', 'religious', 'theology'], ['종교', '신학']),
  subject(
    'HASS/Literature',
    [
      'literature',
      'literary',
      'novels',
      'poetry',
      'poems',
      'poem',
      'poets',
      'shakespeare',
      'sonnets',
      'sonnet',
    ],
    ['문학', '고전문학', '현대문학', '시문학', '소설'],
  ),
  subject(
    'HASS/Language',
    ['linguistics', 'grammar', 'vocabulary', 'reading comprehension'],
    ['언어학', '국어', '문법', '어휘', '독해', '문해력', '맞춤법'],
  ),
  subject('HASS/Education', ['education', 'pedagogy'], ['교육학', '교육']),
  subject('HASS/Administration', ['public administration', 'administration'], ['행정학', '행정']),
  subject('HASS/Trade', ['international trade', 'trade'], ['무역']),
  subject('HASS/Welfare', ['social welfare', 'welfare'], ['사회복지', '복지']),
  subject('HASS/Media', ['media', 'journalism', 'mass media', 'news'], ['언론', '미디어', '뉴스']),
  subject(
    'HASS/Cognitive Studies',
    ['cognitive science', 'cognitive studies', 'neuroscience'],
    ['인지과학', '신경과학'],
  ),
  subject(
    'HASS/social&humanity/management',
    ['business', 'management', 'business administration'],
    ['경영학', '경영'],
  ),
  subject('HASS/social&humanity/real_estate', ['real estate'], ['부동산']),
  subject(
    'HASS/social&humanity/environment',
    ['environmental science', 'environmental studies'],
    ['환경과학', '환경학', '환경 문제'],
  ),
  subject('HASS/social&humanity/drama', ['drama', 'dramas', 'tv shows'], ['드라마']),
  subject('HASS/social&humanity/sociology', ['sociology'], ['사회학']),
  subject('HASS/social&humanity/finance', ['finance', 'financial', 'accounting'], ['금융', '재무', '회계']),
  subject(
    'HASS',
    ['humanities', 'social science', 'social sciences', 'humanities and social science', 'hass'],
    ['인문사회', '인문학', '인문', '사회과학'],
  ),
  // Science
  subject(
    'Science/Math',
    ['math', 'maths', 'mathematics', 'mathematical', 'arithmetic', 'algebra', 'geometry', 'calculus'],
    ['수학', '산수', '대수', '기하', '미적분'],
  ),
  subject('Science/Statistics', ['statistics', 'statistical', 'probability'], ['통계학', '통계', '확률']),
  subject('Science/Physics', ['physics'], ['물리학', '물리']),
  subject('Science/Chemistry', ['chemistry', 'chemical'], ['화학']),
  subject(
    'Science/Biology',
    ['biology', 'biological', 'ecology', 'genetics', 'zoology', 'botany'],
    ['생물학', '생물', '생태학', '유전학', '동물학', '식물학'],
  ),
  subject(
    'Science/Astronomy',
    ['astronomy', 'astrophysics', 'space science', 'cosmology'],
    ['천문학', '천문', '우주과학', '우주'],
  ),
  subject(
    'Science/Earth Science',
    ['earth science', 'earth sciences', 'oceanography'],
    ['지구과학', '해양학'],
  ),
  subject('Science/Geology', ['geology', 'geological'], ['지질학', '지질']),
  subject(
    'Science/Atmospheric Science',
    ['atmospheric science', 'meteorology', 'climate science', 'weather'],
    ['대기과학', '기상학', '기상', '기후', '날씨'],
  ),
  subject('Science/Life Science', ['life science', 'life sciences'], ['생명과학']),
  subject('Science', ['science', 'sciences', 'natural science', 'natural sciences'], ['자연과학', '과학']),
  // Tech.
  subject(
    'Tech./Coding',
    [
      'coding',
      'programming',
      'code',
      'software development',
      'software engineering',
      'computer programming',
      'algorithms',
    ],
    ['코딩', '프로그래밍', '코드', '소프트웨어', '알고리즘'],
  ),
  subject(
    'Tech./AI',
    ['artificial intelligence', 'machine learning', 'deep learning'],
    ['인공지능', '머신러닝', '딥러닝', '기계학습'],
  ),
  subject(
    'Tech./IT',
    ['information technology', 'computer science', 'computing', 'networking'],
    ['정보기술', '정보통신', '컴퓨터공학', '컴퓨터 과학', '컴퓨터과학', '컴퓨터', '전산'],
  ),
  subject(
    'Tech./Electrical Eng.',
    ['electrical engineering', 'electronics', 'electrical', 'electronic engineering'],
    ['전기공학', '전자공학', '전기전자', '전기', '전자'],
  ),
  subject('Tech./Mechanics', ['mechanics', 'mechanical engineering'], ['기계공학', '역학']),
  subject(
    'Tech./tech/security',
    ['cybersecurity', 'security', 'cryptography'],
    ['보안', '암호학', '사이버보안'],
  ),
  subject('Tech./tech/network', ['computer networks', 'computer networking'], ['네트워크']),
  subject('Tech./tech/database', ['databases', 'database', 'sql'], ['데이터베이스']),
  subject('Tech./tech/robotics', ['robotics', 'robots'], ['로봇공학', '로봇']),
  subject('Tech./tech/automotive', ['automotive', 'cars', 'car', 'vehicles', 'vehicle'], ['자동차']),
  subject('Tech./tech/cloud', ['cloud computing'], ['클라우드 컴퓨팅']),
  subject('Tech./Materials Eng.', ['materials engineering', 'materials science'], ['재료공학', '신소재']),
  subject('Tech./Chemical Eng.', ['chemical engineering'], ['화학공학']),
  subject('Tech./Energy', ['energy', 'energy engineering'], ['에너지']),
  subject('Tech./Nuclear Eng.', ['nuclear engineering', 'nuclear'], ['원자력', '핵공학']),
  subject('Tech./Civil Eng.', ['civil engineering'], ['토목공학', '토목']),
  subject('Tech./Urban Eng.', ['urban engineering', 'urban planning'], ['도시공학', '도시계획']),
  subject('Tech./Environmental Eng.', ['environmental engineering'], ['환경공학']),
  subject(
    'Tech./Aerospace Eng.',
    ['aerospace', 'aerospace engineering', 'aeronautics'],
    ['항공우주', '항공'],
  ),
  subject('Tech./Agricultural Eng.', ['agricultural engineering', 'agriculture'], ['농업공학', '농업']),
  subject('Tech./Marine Eng.', ['marine engineering', 'naval engineering'], ['해양공학', '조선공학']),
  subject('Tech./Biomedical Eng.', ['biomedical engineering', 'biomedical'], ['의공학', '생체공학']),
  subject(
    'Tech./Biomedical Eng.',
    [
      'medical',
      'medicine',
      'clinical',
      'healthcare',
      'health care',
      'health',
      'nursing',
      'pharmacy',
      'pharmacology',
    ],
    ['의학', '의료', '임상', '보건', '간호', '약학', '건강'],
    { note: MEDICINE_NOTE },
  ),
  subject(
    'Tech.',
    ['tech', 'technology', 'technologies', 'technical', 'engineering'],
    ['기술', '공학', '테크'],
  ),
  {
    means: [
      { kind: 'subject', value: 'Science' },
      { kind: 'subject', value: 'Tech.' },
    ],
    en: ['stem', 'science and technology', 'science and engineering'],
    ko: ['이공계', '과학기술', '과학 기술'],
  },
  // Art & Sports
  subject(
    'Art & Sports/Sports',
    ['sports', 'sport', 'athletics', 'football', 'soccer', 'baseball', 'basketball', 'olympics'],
    ['스포츠', '체육', '야구', '축구', '농구', '올림픽'],
  ),
  subject('Art & Sports/Music', ['music', 'musical', 'k-pop', 'kpop'], ['음악', '케이팝', '가요']),
  subject('Art & Sports/Architecture', ['architecture'], ['건축']),
  subject('Art & Sports/Fashion', ['fashion'], ['패션']),
  subject('Art & Sports/Painting', ['painting', 'paintings', 'fine art'], ['미술']),
  subject('Art & Sports/Performing', ['performing arts', 'theater', 'theatre'], ['공연', '연극']),
  subject('Art & Sports/Photography', ['photography'], ['사진']),
  subject('Art & Sports/Sculpture', ['sculpture'], ['조각']),
  subject('Art & Sports/Festivals', ['festivals', 'festival'], ['축제']),
  subject('Art & Sports/Media', ['movies', 'movie', 'films', 'film', 'cinema'], ['영화']),
  subject('Art & Sports/arts&sports/gaming', ['video games', 'gaming', 'games'], ['게임']),
  subject('Art & Sports/arts&sports/dance', ['dance', 'dancing'], ['무용']),
  subject(
    'Art & Sports',
    ['arts', 'art', 'arts and sports', 'arts & sports', 'art & sports'],
    ['예술', '예체능'],
  ),
  // Culture
  subject(
    'Culture/Food',
    ['food', 'foods', 'cuisine', 'cuisines', 'dishes', 'culinary', 'recipes'],
    ['음식', '한식', '식문화', '먹거리'],
  ),
  subject(
    'Culture/Tradition',
    ['tradition', 'traditions', 'traditional culture', 'customs', 'folklore'],
    ['전통문화', '전통', '풍습', '민속'],
  ),
  subject('Culture/Holiday', ['holidays', 'holiday'], ['명절', '공휴일']),
  subject('Culture/Family', ['family', 'families'], ['가족']),
  subject('Culture/Housing', ['housing'], ['주거', '주택']),
  subject('Culture/Leisure', ['leisure', 'hobbies'], ['여가', '취미']),
  subject('Culture/Work Life', ['work life', 'workplace culture', 'office culture'], ['직장', '회사생활']),
  subject('Culture/Daily Life', ['daily life', 'everyday life'], ['일상생활', '일상']),
  subject('Culture/Clothing', ['clothing', 'hanbok'], ['의복', '한복']),
  subject('Culture', ['culture', 'cultural', 'cultures'], ['문화']),
  // Social Intelligence
  subject(
    'Social Intelligence/Bias',
    ['bias', 'biases', 'stereotype', 'stereotypes', 'fairness'],
    ['편향', '편견', '고정관념'],
  ),
  subject('Social Intelligence/Commonsense', ['commonsense', 'common sense'], []),
  subject('Social Intelligence/Commonsense', [], ['상식'], { weak: true }),
  subject(
    'Social Intelligence/Norms',
    ['social norms', 'norms', 'etiquette', 'manners'],
    ['사회 규범', '사회규범', '규범', '예절', '예의'],
  ),
  subject('Social Intelligence/misc/proverb', ['proverbs', 'proverb', 'sayings'], ['속담']),
  subject(
    'Social Intelligence/misc/idiomatic_expression',
    ['idioms', 'idiom', 'idiomatic expressions'],
    ['관용어', '관용구', '사자성어'],
  ),
  subject('Social Intelligence', ['social intelligence', 'social skills'], ['사회지능', '사회성']),
];

/** Task types, problem types and target types by their Korean and English names. */
export const LABEL_LEXICON: readonly LexiconEntry[] = [
  { means: [{ kind: 'taskType', value: 'Knowledge' }], en: ['knowledge', 'factual', 'facts'], ko: ['지식'] },
  {
    means: [{ kind: 'taskType', value: 'Reasoning' }],
    en: ['reasoning', 'logic', 'logical', 'inference'],
    ko: ['추론', '논리', '사고력'],
  },
  {
    means: [{ kind: 'taskType', value: 'Value/alignment' }],
    en: ['value alignment', 'alignment', 'values', 'ethics', 'ethical', 'moral', 'morality', 'safety'],
    ko: ['가치 정렬', '가치정렬', '정렬', '가치관', '윤리', '도덕', '안전성'],
  },
  {
    means: [{ kind: 'problemType', value: 'MCQA' }],
    en: [
      'multiple choice',
      'multiple choices',
      'multi choice',
      'mcq',
      'mcqs',
      'mcqa',
      '4 choice',
      'four choice',
      'multiple-choice',
    ],
    ko: ['객관식', '선다형', '사지선다', '오지선다', '4지선다', '5지선다', '선택형'],
  },
  {
    means: [{ kind: 'problemType', value: 'open-ended' }],
    en: [
      'open ended',
      'free form',
      'freeform',
      'free response',
      'essay',
      'essays',
      'long form',
      'descriptive',
      'subjective',
      'open questions',
    ],
    ko: ['서술형', '주관식', '논술형', '논술', '서답형'],
  },
  {
    means: [{ kind: 'problemType', value: 'binary' }],
    en: ['true/false', 'true or false', 'true false', 'yes/no', 'yes or no', 'binary', 'o/x'],
    ko: ['O/X', 'OX', '참/거짓', '참거짓', '진위형', '오엑스', '예/아니오'],
  },
  {
    means: [{ kind: 'problemType', value: 'short-form' }],
    en: ['short answer', 'short answers', 'short form', 'fill in the blank'],
    ko: ['단답형', '단답', '빈칸'],
  },
  {
    means: [{ kind: 'targetType', value: 'Local' }],
    en: [
      'culturally specific',
      'culture specific',
      'culturally grounded',
      'korea specific',
      'korean specific',
      'locally specific',
      'local knowledge',
      'local culture',
    ],
    ko: ['한국 고유', '고유의', '고유한', '문화 특화', '한국 특화', '지역 특화', '현지', '토착', '한국적'],
  },
  {
    means: [{ kind: 'targetType', value: 'General' }],
    en: [
      'not culture specific',
      'not culturally specific',
      'non culture specific',
      'non culturally specific',
      'culture independent',
      'universal',
    ],
    ko: ['보편적', '보편', '문화 중립'],
  },
  {
    means: [
      { kind: 'targetType', value: 'General' },
      { kind: 'taskType', value: 'Knowledge' },
    ],
    en: ['general knowledge'],
    ko: ['일반 지식', '일반지식'],
  },
];

/** A compiled term: its pattern and what it means. */
export interface CompiledTerm {
  readonly pattern: RegExp;
  readonly term: string;
  readonly means: readonly LexiconMeaning[];
}

function englishPattern(term: string): RegExp {
  const body = term
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]+');
  return new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'i');
}

function koreanPattern(term: string): RegExp {
  const wordStart = term.startsWith('^');
  const text = wordStart ? term.slice(1) : term;
  const body = text.split(/\s+/).map(escapeRegExp).join('\\s*');
  const before = wordStart ? '(?<![가-힣])' : /^[A-Za-z0-9]/.test(text) ? '(?<![A-Za-z0-9])' : '';
  const after = /[A-Za-z0-9]$/.test(text) ? '(?![A-Za-z0-9])' : '';
  return new RegExp(`${before}${body}${after}`, 'i');
}

let compiled: readonly CompiledTerm[] | undefined;

/** Every term of both lexicons compiled, longest first (built on first use). */
export function compiledTerms(): readonly CompiledTerm[] {
  compiled ??= [...SUBJECT_LEXICON, ...LABEL_LEXICON]
    .flatMap((entry) => [
      ...(entry.en ?? []).map((term) => ({ pattern: englishPattern(term), term, means: entry.means })),
      ...(entry.ko ?? []).map((term) => ({ pattern: koreanPattern(term), term, means: entry.means })),
    ])
    .sort((a, b) => b.term.replace(/^\^/, '').length - a.term.replace(/^\^/, '').length);
  return compiled;
}
