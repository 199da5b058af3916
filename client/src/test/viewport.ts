import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom answers every media query "no" (test/setup.ts), so antd's breakpoints see a phone. Tests of the desktop
 * layout call this in their describe: media queries then answer as a screen `width` px wide would.
 */
export function useScreenWidth(width: number): void {
  let original: typeof window.matchMedia;
  beforeEach(() => {
    original = window.matchMedia;
    window.matchMedia = (query: string) => {
      const min = /min-width:\s*(\d+)px/.exec(query);
      const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
      const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
      return {
        matches,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      } as MediaQueryList;
    };
  });
  afterEach(() => {
    window.matchMedia = original;
  });
}
