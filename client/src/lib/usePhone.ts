import { Grid } from 'antd';

/** Below antd's md breakpoint (768 px): a phone, held in one hand (the public pages lay themselves out for it). */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md;
}
