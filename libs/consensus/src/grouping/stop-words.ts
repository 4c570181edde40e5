/**
 * Words that never carry a short answer: English function words, and the filler models wrap an
 * answer in ("the answer is", "I think", "it is called"). Removed before answers are compared, so
 * "I think it is Paris." and "Paris" both answer {paris}. Negation words are deliberately absent
 * (see NEGATION_WORDS): "not Paris" must not read as "Paris".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // articles, pronouns, determiners
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'i', 'me', 'my', 'we', 'our', 'you', 'your',
  'he', 'his', 'him', 'she', 'her', 'they', 'them', 'their', 'there', 'here', 'which', 'what', 'who', 'whom',
  'whose', 'where', 'when', 'why', 'how',
  // verbs of being and auxiliaries
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'has', 'have', 'had', 'will',
  'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall',
  // prepositions and conjunctions ("or" stays out: "Paris or Lyon" is two answers, see mergeByContainment)
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'as', 'and', 'so', 'then', 'than', 'also', 'into',
  // filler around an answer
  'answer', 'final', 'think', 'believe', 'guess', 'called', 'named', 'known', 'correct', 'result', 'indeed',
  'well', 'just', 'simply', 'actually', 'probably', 'likely', 'certainly', 'definitely', 'surely', 'sure',
  'course', 'ok', 'okay', 'hmm', 'um', 'answered',
]);
