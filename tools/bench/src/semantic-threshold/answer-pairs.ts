/** Two answers to one question, and whether they mean the same. */
export interface AnswerPair {
  readonly question: string;
  readonly a: string;
  readonly b: string;
  readonly same: boolean;
}

/** [question, short answer, the same answer said otherwise, a different answer in the first's shape, the same shape as the second]. */
type PairRow = readonly [string, string, string, string, string];

/**
 * Answers as small models give them: a bare answer, the same in a sentence, and a wrong answer in
 * the same two shapes. Each row yields two same-meaning pairs and two different pairs whose
 * wording is as close as the same-meaning ones (the hard case for a threshold).
 */
const ROWS: readonly PairRow[] = [
  ['What is the capital of France?', 'Paris', 'It is Paris.', 'Berlin', 'It is Berlin.'],
  ['What is the capital of Japan?', 'Tokyo', 'The capital of Japan is Tokyo.', 'Kyoto', 'The capital of Japan is Kyoto.'],
  ['Which planet is known as the Red Planet?', 'Mars', 'The Red Planet is Mars.', 'Venus', 'The Red Planet is Venus.'],
  ['Who wrote Romeo and Juliet?', 'William Shakespeare', 'It was written by Shakespeare.', 'Charles Dickens', 'It was written by Dickens.'],
  ['What is the largest ocean?', 'The Pacific Ocean', 'Pacific', 'The Atlantic Ocean', 'Atlantic'],
  ['What gas do plants absorb from the air?', 'Carbon dioxide', 'Plants absorb CO2.', 'Oxygen', 'Plants absorb oxygen.'],
  ['How many legs does a spider have?', 'Eight', 'A spider has 8 legs.', 'Six', 'A spider has 6 legs.'],
  ['What is the boiling point of water at sea level in Celsius?', '100 degrees', 'Water boils at 100 °C.', '90 degrees', 'Water boils at 90 °C.'],
  ['Who painted the Mona Lisa?', 'Leonardo da Vinci', 'The Mona Lisa was painted by Leonardo.', 'Michelangelo', 'The Mona Lisa was painted by Michelangelo.'],
  ['What is the chemical symbol for gold?', 'Au', 'The symbol for gold is Au.', 'Ag', 'The symbol for gold is Ag.'],
  ['What is the square root of 81?', '9', 'The square root of 81 is nine.', '8', 'The square root of 81 is eight.'],
  ['Which continent is Egypt in?', 'Africa', 'Egypt is in Africa.', 'Asia', 'Egypt is in Asia.'],
  ['What is the longest river in South America?', 'The Amazon', 'It is the Amazon River.', 'The Orinoco', 'It is the Orinoco River.'],
  ['What language is spoken in Brazil?', 'Portuguese', 'Brazilians speak Portuguese.', 'Spanish', 'Brazilians speak Spanish.'],
  ['Who was the first person to walk on the Moon?', 'Neil Armstrong', 'Armstrong was the first.', 'Buzz Aldrin', 'Aldrin was the first.'],
  ['What is the freezing point of water in Fahrenheit?', '32 °F', 'Water freezes at 32 degrees Fahrenheit.', '0 °F', 'Water freezes at 0 degrees Fahrenheit.'],
  ['What is the hardest natural substance?', 'Diamond', 'The hardest natural material is diamond.', 'Quartz', 'The hardest natural material is quartz.'],
  ['In which year did World War II end?', '1945', 'The war ended in 1945.', '1939', 'The war ended in 1939.'],
  ['What organ pumps blood through the body?', 'The heart', 'Blood is pumped by the heart.', 'The liver', 'Blood is pumped by the liver.'],
  ['What is the smallest prime number?', '2', 'The smallest prime is two.', '1', 'The smallest prime is one.'],
];

/** 40 same-meaning pairs and 40 different ones, each with its question. */
export const ANSWER_PAIRS: readonly AnswerPair[] = ROWS.flatMap(([question, short, sentence, wrongShort, wrongSentence]) => [
  { question, a: short, b: sentence, same: true },
  { question, a: wrongShort, b: wrongSentence, same: true },
  { question, a: short, b: wrongShort, same: false },
  { question, a: sentence, b: wrongSentence, same: false },
]);
