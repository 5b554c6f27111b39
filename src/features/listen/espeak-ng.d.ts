// @echogarden/espeak-ng-emscripten ships no types; synth.ts uses only this much of it.
declare module '@echogarden/espeak-ng-emscripten' {
  const ESpeakNg: (options: {
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }) => Promise<{ eSpeakNGWorker: new () => unknown }>;
  export default ESpeakNg;
}
