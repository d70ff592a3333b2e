// Safe-tier phrase rules: each rewrite keeps the instruction's meaning, only its wording shrinks.
import { isCapitalized, upperFirst, type Pass } from './edits.js';
import { MILD_OBLIGATION, SENTENCE_START, isAllCaps, leadingPhrase, matchCase, obligationMatchers, passOf, phrasePattern, phraseTable, wordAt } from './matchers.js';

const ROLE_OF_VERBS = [
  'play', 'plays', 'playing', 'take on', 'takes on', 'taking on', 'assume', 'assumes', 'assuming', 'adopt', 'adopts',
  'adopting', 'act in', 'acts in', 'acting in', 'step into', 'steps into', 'stepping into',
];

const ROLE_VERBS =
  'act|behave|pretend|play|roleplay|role-play|serve|function|simulate|emulate|impersonate|portray|become|assume|take on|be';

const rolePreamble: Pass = passOf('role-preamble', 'safe', 'Role preamble shortened to a direct instruction.', [
  // "I want you to act as a Linux terminal" → "Act as a Linux terminal"
  leadingPhrase(
    `(?:i (?:would|'d|’d) (?:really )?(?:like|love)|i (?:really )?(?:want|need)|i am asking|i'm asking|i’m asking) (?:for )?you to(?= (?:${ROLE_VERBS})\\b)`,
  ),
  // "You will act as…", "You are going to play…", "From now on you'll pretend…"
  leadingPhrase(
    `you(?: will| shall| are going to|'ll|’ll)(?: now)?(?= (?:act|behave|pretend|play|roleplay|role-play|serve|function|simulate|emulate|impersonate|portray)\\b)`,
  ),
  {
    re: new RegExp(`${SENTENCE_START}(you ${phrasePattern('will be')})[ \\t]+(acting|playing|serving|pretending|functioning|role-?playing|simulating|impersonating)\\b`, 'giu'),
    replace(m) {
      const gerund = m[2]!.toLowerCase();
      const base = gerund === 'acting' ? 'act' : gerund.replace(/ing$/, '').replace(/^(serv|simulat|impersonat)$/, '$1e');
      return isCapitalized(m[1]!) ? upperFirst(base) : base;
    },
  },
  // "Your task is to review the diff" → "Review the diff" (not "Your only task…": that "only" must stay).
  leadingPhrase(`your (?:task|job|goal|objective|mission|assignment) (?:here )?(?:is|will be) to`, {
    skipNext: /^(?:be|have|make sure|ensure)$/i,
  }),
  leadingPhrase(
    `your (?:role|job|task|goal|purpose|function) (?:is|will be) to(?= (?:act|behave|pretend|play|roleplay|role-play|serve|function|simulate|emulate|impersonate|portray|be)\\b)`,
  ),
  // "take on the role of" / "play the role of" → "act as"
  {
    re: new RegExp(`(?<![\\p{L}])(${ROLE_OF_VERBS.map(phrasePattern).join('|')})${phrasePattern(' the (?:role|part) of')}(?![\\p{L}])`, 'giu'),
    replace(m) {
      const verb = m[1]!.toLowerCase().split(/[ \t]+/)[0]!;
      const form = verb.endsWith('ing') ? 'acting as' : verb.endsWith('s') ? 'acts as' : 'act as';
      return matchCase(m[0], form);
    },
  },
  // "From now on, you will act as…" → "From now on, act as…"
  {
    re: new RegExp(
      `(?<=\\bfrom[ \\t]{1,8}now[ \\t]{1,8}on,?[ \\t]{1,8})${phrasePattern("you(?: will| shall| are going to|'ll|’ll)(?: now)? ")}(?=(?:act|behave|pretend|play|roleplay|role-play|serve|function|simulate|emulate|impersonate|portray)\\b)`,
      'giu',
    ),
    replace: () => '',
  },
]);

const NOT_A_REQUEST = /^(?:and|or|thank|thanks|sir|madam|help!?)$/i;

const politeness: Pass = passOf('politeness', 'safe', 'Politeness wrapper removed; the instruction is unchanged.', [
  leadingPhrase(`(?:please|kindly),?`, { skipNext: NOT_A_REQUEST }),
  leadingPhrase(
    `(?:i (?:would|'d|’d) (?:really )?(?:like|love)|i (?:really )?(?:want|need)|i am asking|i'm asking|i’m asking) (?:for )?you to`,
  ),
  leadingPhrase(
    `(?:i (?:would|'d|’d) (?:really |greatly )?appreciate it|it would be (?:great|helpful|nice|wonderful|appreciated|ideal|best|good)|i would be (?:grateful|thankful|happy|glad|delighted)|i'd be (?:grateful|thankful|happy|glad|delighted)) if you (?:could|would|can|will)(?: please| kindly)?`,
  ),
  leadingPhrase(`(?:would you (?:please |kindly )?be so kind as to|you are kindly (?:requested|asked) to|you are (?:requested|asked) to)`),
  // "Could you please summarise the text?" → "Summarise the text."
  {
    re: new RegExp(`${SENTENCE_START}((?:could|can|would|will) ${phrasePattern('you (?:please|kindly)')})[ \\t]+(\\p{L})([^.?!\\n]*)\\?`, 'giu'),
    replace(m) {
      return m[2]!.toUpperCase() + m[3]! + '.';
    },
  },
  // "… and please be concise" → "… and be concise"
  {
    re: /(?<=\b(?:and|then|also|now|so|but|first|next|finally|lastly),?[ \t])(?:please|kindly),?[ \t]+(?=\p{Ll})/giu,
    replace: () => '',
  },
  // "To keep it short, please use bullets" → "To keep it short, use bullets"
  { re: /(?<=,[ \t])(?:please|kindly)[ \t]+(?=\p{Ll})/giu, replace: () => '' },
  // "Answer briefly, please." → "Answer briefly."
  { re: /,[ \t]*please(?=[ \t]*[.!?](?:\s|$))/giu, replace: () => '' },
  // A closing "Thank you in advance!" after the last instruction of a line.
  {
    re: /(?<=[.!?])[ \t]+(?:thank you|thanks)(?:[ \t]+(?:so|very)[ \t]+much)?(?:[ \t]+in[ \t]+advance)?(?:[ \t]+for[ \t]+(?:your|the)[ \t]+(?:help|assistance|time|cooperation|understanding|attention))?[ \t]*[.!]*(?=[ \t]*(?:\r?\n|$))/giu,
    replace: () => '',
  },
  {
    re: /(?<!\n)(?:\r?\n)+[ \t]*(?:thank you|thanks)(?:[ \t]+(?:so|very)[ \t]+much)?(?:[ \t]+in[ \t]+advance)?(?:[ \t]+for[ \t]+(?:your|the)[ \t]+(?:help|assistance|time|cooperation|understanding|attention))?[ \t]*[.!]*\s*$/giu,
    replace: () => '',
  },
  // "Hello ChatGPT! You are…" → "You are…" (only at the very start of the prompt)
  {
    re: /^[ \t\r\n]*(?:hi|hello|hey|greetings|good (?:morning|afternoon|evening))(?:[ \t]+(?:there|chatgpt|claude|gpt|assistant|ai|gemini|bot))?[ \t]*[!,.][ \t]*(?=\p{Lu}|\r?\n)/iu,
    replace: () => '',
  },
]);

const metaFiller: Pass = passOf('meta-filler', 'safe', 'Filler that adds no instruction removed.', [
  leadingPhrase(
    `(?:please )?(?:note|notice|remember|keep in mind|bear in mind|be aware|be advised|understand|recall|realize|realise) that`,
  ),
  leadingPhrase(
    [
      `it(?: is|'s|’s) (?:important|interesting|useful|helpful|worth) to (?:note|mention|point out|remember|keep in mind)(?: that|,|(?! that\\b))`,
      `it(?: is|'s|’s) worth (?:noting|mentioning|pointing out|remembering)(?: that|,|(?! that\\b))`,
      `it (?:should|must|can) be (?:noted|mentioned|pointed out|said)(?: that|,|(?! that\\b))`,
      `needless to say,?`,
      `it bears (?:repeating|mentioning)(?: that|,|(?! that\\b))`,
      `as you (?:may|might|probably|already) know,?`,
      `as you are (?:aware|well aware),?`,
      `as (?:previously |already )?(?:mentioned|noted|stated|discussed|described|explained|outlined|said)(?: (?:above|earlier|before|previously|below))?,`,
      `as i (?:said|mentioned|noted)(?: (?:above|earlier|before|previously))?,`,
      `(?:basically|essentially|actually|obviously|of course|honestly|frankly|in essence|simply put|to be honest),`,
      `for your (?:information|reference),`,
      `just (?:so you know|to be clear|to clarify),`,
    ].join('|'),
  ),
  // "Note: keep it short" → "Keep it short" (an all-caps NOTE: is emphasis, left to the review tier)
  {
    re: new RegExp(`${SENTENCE_START}(note|nb|n\\.b\\.|fyi|side note|quick note)[ \\t]*:[ \\t]+(\\p{L})`, 'giu'),
    replace(m) {
      if (isAllCaps(m[1]!)) return undefined;
      return isCapitalized(m[1]!) ? m[2]!.toUpperCase() : m[2]!;
    },
  },
]);

// Every pair means the same in any context it matches; the tokenizer then decides if it pays.
const WORDY: ReadonlyArray<readonly [string, string]> = [
  ['in order to', 'to'],
  ['provide you with', 'give you'],
  ['provides you with', 'gives you'],
  ['provide me with', 'give me'],
  ['provides me with', 'gives me'],
  ['provide the user with', 'give the user'],
  ['provide users with', 'give users'],
  ['be provided with', 'be given'],
  ['are provided with', 'are given'],
  ['is provided with', 'is given'],
  ['been provided with', 'been given'],
  ['with the help of', 'with'],
  ['by means of', 'by'],
  ['a variety of', 'various'],
  ['first of all,', 'first,'],
  ['in order for', 'for'],
  ['so as to', 'to'],
  ['in an effort to', 'to'],
  ['with the goal of being', 'to be'],
  ['due to the fact that', 'because'],
  ['owing to the fact that', 'because'],
  ['on account of the fact that', 'because'],
  ['in view of the fact that', 'because'],
  ['in light of the fact that', 'because'],
  ['by virtue of the fact that', 'because'],
  ['for the reason that', 'because'],
  ['given the fact that', 'given that'],
  ['despite the fact that', 'although'],
  ['in spite of the fact that', 'although'],
  ['notwithstanding the fact that', 'although'],
  ['regardless of the fact that', 'although'],
  ['in spite of', 'despite'],
  ['in the event that', 'if'],
  ['in the case that', 'if'],
  ['for the purpose of', 'for'],
  ['for the purposes of', 'for'],
  ['with regard to', 'regarding'],
  ['with regards to', 'regarding'],
  ['in regard to', 'regarding'],
  ['in regards to', 'regarding'],
  ['as regards', 'regarding'],
  ['in reference to', 'regarding'],
  ['with reference to', 'regarding'],
  ['at this point in time', 'now'],
  ['at this moment in time', 'now'],
  ['at the present time', 'now'],
  ['at the present moment', 'now'],
  ['at this present time', 'now'],
  ['in this day and age', 'today'],
  ['prior to', 'before'],
  ['subsequent to', 'after'],
  ['in the near future', 'soon'],
  ['at a later time', 'later'],
  ['at a later date', 'later'],
  ['at a later point', 'later'],
  ['at a later stage', 'later'],
  ['each and every', 'every'],
  ['first and foremost', 'first'],
  ['any and all', 'all'],
  ['until such time as', 'until'],
  ['as to whether', 'whether'],
  ['in close proximity to', 'near'],
  ['for the most part', 'mostly'],
  ['along the lines of', 'like'],
  ['in excess of', 'more than'],
  ['on the basis of', 'based on'],
  ['the way in which', 'how'],
  ['in such a way that', 'so that'],
  ['with the exception that', 'except that'],
  ['the reason for this is that', 'this is because'],
  ['the reason why is that', 'because'],
  ['is able to', 'can'],
  ['are able to', 'can'],
  ['am able to', 'can'],
  ['make use of', 'use'],
  ['makes use of', 'uses'],
  ['making use of', 'using'],
  ['utilize', 'use'],
  ['utilizes', 'uses'],
  ['utilizing', 'using'],
  ['utilise', 'use'],
  ['utilises', 'uses'],
  ['utilising', 'using'],
  ['make a decision', 'decide'],
  ['makes a decision', 'decides'],
  ['making a decision', 'deciding'],
  ['come to a conclusion', 'conclude'],
  ['reach a conclusion', 'conclude'],
  ['give consideration to', 'consider'],
  ['take into consideration', 'consider'],
  ['takes into consideration', 'considers'],
  ['taking into consideration', 'considering'],
  ['provide an explanation of', 'explain'],
  ['provide an explanation for', 'explain'],
  ['give an explanation of', 'explain'],
  ['provide a summary of', 'summarize'],
  ['give a summary of', 'summarize'],
  ['provide a description of', 'describe'],
  ['give a description of', 'describe'],
  ['provide a list of', 'list'],
  ['provide an analysis of', 'analyze'],
  ['perform an analysis of', 'analyze'],
  ['conduct an analysis of', 'analyze'],
  ['carry out an analysis of', 'analyze'],
  ['make an attempt to', 'try to'],
  ['make an effort to', 'try to'],
  ['is in need of', 'needs'],
  ['are in need of', 'need'],
  ['has a tendency to', 'tends to'],
  ['have a tendency to', 'tend to'],
  ['has the tendency to', 'tends to'],
  ['have the tendency to', 'tend to'],
  ['on a daily basis', 'daily'],
  ['on a weekly basis', 'weekly'],
  ['on a monthly basis', 'monthly'],
  ['on a yearly basis', 'yearly'],
  ['on an annual basis', 'annually'],
  ['on an hourly basis', 'hourly'],
  ['on a regular basis', 'regularly'],
  ['on a continuous basis', 'continuously'],
  ['on a consistent basis', 'consistently'],
  ['on a frequent basis', 'frequently'],
  ['on an ongoing basis', 'continually'],
  ['at all times', 'always'],
  ['in a timely manner', 'promptly'],
  ['in a timely fashion', 'promptly'],
  ['in a step-by-step manner', 'step by step'],
  ['in a step by step manner', 'step by step'],
  ['in a step-by-step fashion', 'step by step'],
  ['in a detailed manner', 'in detail'],
  ['all of the', 'all the'],
  ['all of these', 'all these'],
  ['all of those', 'all those'],
  ['all of your', 'all your'],
  ['all of my', 'all my'],
  ['all of its', 'all its'],
  ['all of their', 'all their'],
  ['both of the', 'both the'],
  ['both of these', 'both these'],
  ['in addition to this,', 'also,'],
  ['in addition,', 'also,'],
  ['additionally,', 'also,'],
  ['furthermore,', 'also,'],
  ['moreover,', 'also,'],
  ['as a result of this,', 'so'],
  ['as a consequence,', 'so'],
  ['for this reason,', 'so'],
  ['on a case by case basis', 'case by case'],
  ['on a case-by-case basis', 'case by case'],
  ['it is possible that', 'possibly'],
  ['there is a possibility that', 'possibly'],
  ['a sufficient amount of', 'enough'],
  ['a sufficient number of', 'enough'],
  ['an adequate amount of', 'enough'],
  ['an adequate number of', 'enough'],
  ['in the process of being', 'being'],
];

// "a large number of" → "many", or "many of" before a determiner ("many of the users").
const QUANTITIES: ReadonlyArray<readonly [string, string]> = [
  ['a large number of', 'many'],
  ['a great number of', 'many'],
  ['a vast number of', 'many'],
  ['a significant number of', 'many'],
  ['a huge number of', 'many'],
  ['a high number of', 'many'],
  ['a great deal of', 'much'],
  ['a large amount of', 'much'],
  ['a significant amount of', 'much'],
  ['the majority of', 'most'],
  ['a majority of', 'most'],
  ['a small number of', 'a few'],
  ['a limited number of', 'a few'],
];
const DETERMINER = /^(?:the|these|those|this|that|my|your|our|their|his|her|its|them|us|you|which|whom)$/i;

// "in a clear and concise manner" → "clearly and concisely"
const ADVERBS: Readonly<Record<string, string>> = {
  clear: 'clearly',
  concise: 'concisely',
  polite: 'politely',
  professional: 'professionally',
  respectful: 'respectfully',
  courteous: 'courteously',
  consistent: 'consistently',
  accurate: 'accurately',
  precise: 'precisely',
  thorough: 'thoroughly',
  careful: 'carefully',
  systematic: 'systematically',
  logical: 'logically',
  natural: 'naturally',
  casual: 'casually',
  formal: 'formally',
  informal: 'informally',
  neutral: 'neutrally',
  objective: 'objectively',
  empathetic: 'empathetically',
  efficient: 'efficiently',
  effective: 'effectively',
  direct: 'directly',
  honest: 'honestly',
  transparent: 'transparently',
  helpful: 'helpfully',
  creative: 'creatively',
  safe: 'safely',
  responsible: 'responsibly',
  constructive: 'constructively',
  friendly: 'in a friendly way',
  structured: 'in a structured way',
  organized: 'in an organized way',
  succinct: 'succinctly',
  brief: 'briefly',
  simple: 'simply',
  calm: 'calmly',
  confident: 'confidently',
  diplomatic: 'diplomatically',
  tactful: 'tactfully',
  compassionate: 'compassionately',
  patient: 'patiently',
  supportive: 'supportively',
  positive: 'positively',
  engaging: 'engagingly',
  coherent: 'coherently',
  comprehensive: 'comprehensively',
  methodical: 'methodically',
};
const ADJECTIVE = Object.keys(ADVERBS).join('|');

const connectives: Pass = passOf('wordy-phrase', 'safe', 'Wordy phrase replaced by a shorter equivalent.', [
  phraseTable(WORDY),
  {
    re: new RegExp(
      `(?<![\\p{L}])(${QUANTITIES.map(([from]) => phrasePattern(from.replace(/ of$/, ''))).join('|')})[ \\t]+of[ \\t]+(?=\\p{L})`,
      'giu',
    ),
    replace(m, text) {
      const key = m[1]!.toLowerCase().replace(/[ \t]+/g, ' ') + ' of';
      const to = QUANTITIES.find(([from]) => from === key)?.[1];
      if (to === undefined) return undefined;
      const next = wordAt(text, m.index + m[0].length);
      return matchCase(m[0], DETERMINER.test(next) ? `${to} of ` : `${to} `);
    },
  },
  {
    // "You have the ability to" → "You can"; not after "to"/modals, where "can" would be ungrammatical.
    re: /(?<![\p{L}])(?<!\b(?:to|will|would|should|shall|must|may|might|could|can|not|never|also)[ \t]{1,8})(?:has|have)[ \t]+the[ \t]+(?:ability|capability|capacity)[ \t]+to(?=[ \t]+\p{L})/giu,
    replace: (m) => matchCase(m[0], 'can'),
  },
  {
    re: new RegExp(
      `(?<![\\p{L}])in[ \\t]+an?[ \\t]+((?:${ADJECTIVE})(?:(?:,[ \\t]*|[ \\t]+)(?:and[ \\t]+|or[ \\t]+)?(?:${ADJECTIVE}))*)[ \\t]+(?:manner|way|fashion)(?![\\p{L}])`,
      'giu',
    ),
    replace(m) {
      const words = m[1]!.split(/([ \t]*,[ \t]*|[ \t]+)/);
      const out = words.map((w) => {
        const key = w.toLowerCase();
        return key in ADVERBS ? ADVERBS[key]! : w;
      });
      // Multi-word renderings ("in a friendly way") only read well alone.
      if (words.length > 1 && out.some((w, i) => w.includes(' ') && words[i] !== w)) return undefined;
      return matchCase(m[0], out.join(''));
    },
  },
  {
    // "A total of 5 items" → "5 items"
    re: /(?<![\p{L}])a[ \t]+total[ \t]+of[ \t]+(?=\d)/giu,
    replace: () => '',
  },
  {
    // "you are in the process of writing" → "you are writing"
    re: /(?<![\p{L}])in[ \t]+the[ \t]+process[ \t]+of[ \t]+(?=\p{L}+ing\b)/giu,
    replace: () => '',
  },
]);

// "You should run the tests" → "Run the tests": advice and the imperative instruct alike.
const mildObligation: Pass = passOf('obligation', 'safe', 'Advice wording turned into a direct instruction.', obligationMatchers(MILD_OBLIGATION));

// The role pass runs twice: "You will play the role of" first loses "You will", then becomes "Act as".
export const SAFE_PHRASE_PASSES: readonly Pass[] = [rolePreamble, politeness, metaFiller, connectives, mildObligation, rolePreamble];

