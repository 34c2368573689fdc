// Neither lexicon package ships types; these are the calls the baselines use.
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
