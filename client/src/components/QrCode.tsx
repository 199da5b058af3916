import { useMemo } from 'react';
import qrcode from 'qrcode-generator';

/** The quiet zone around a QR code, in modules (the standard asks for four). */
const QUIET = 4;

/**
 * The dark modules of a QR code of `value` (error correction M: survives a crease or a stamp on a printed receipt) as
 * one SVG path, one unit per module.
 */
export function qrPath(value: string): { size: number; d: string } {
  const qr = qrcode(0, 'M');
  qr.addData(value);
  qr.make();
  const size = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) if (qr.isDark(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
  return { size, d: parts.join('') };
}

/**
 * A QR code drawn as inline SVG: vector, so it prints sharp at any size, needs no image request and no canvas. The
 * encoded text is the SVG's title (and `data-value`), for screen readers and tests.
 */
export function QrCode({
  value,
  size = 112,
  label,
  testId,
}: {
  value: string;
  size?: number;
  label?: string;
  testId?: string;
}) {
  const { size: modules, d } = useMemo(() => qrPath(value), [value]);
  const box = modules + 2 * QUIET;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${box} ${box}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label ?? value}
      data-value={value}
      data-testid={testId}
    >
      <title>{value}</title>
      <rect width={box} height={box} fill="#fff" />
      <path d={d} transform={`translate(${QUIET} ${QUIET})`} fill="#000" />
    </svg>
  );
}
