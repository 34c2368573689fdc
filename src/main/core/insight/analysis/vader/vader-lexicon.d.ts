// The package's lexicon module (an ES module without types); the port reads its data only.
declare module 'vader-sentiment/src/vader_lexicon.js' {
  export const lexicon: Readonly<Record<string, number>>;
}
