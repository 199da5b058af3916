import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import qrcode from 'qrcode-generator';
import { QrCode, qrPath } from './QrCode';

const url = 'https://zwfw.example.cn/public/rate?applicationId=2026-0101-000123&channel=qr';

describe('the QR code', () => {
  it('is an inline SVG that carries the encoded text', () => {
    const { container } = render(<QrCode value={url} label="办件二维码" testId="qr" />);
    const svg = container.querySelector('svg[data-testid="qr"]');
    expect(svg).not.toBeNull();
    expect(svg).toHaveAttribute('data-value', url);
    expect(svg).toHaveAttribute('aria-label', '办件二维码');
    expect(svg?.querySelector('title')).toHaveTextContent(url);
    expect(svg?.querySelector('path')?.getAttribute('d')).toBe(qrPath(url).d);
  });

  it('draws exactly the dark modules the generator computes, inside a quiet zone', () => {
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    const { size, d } = qrPath(url);
    expect(size).toBe(qr.getModuleCount());
    let dark = 0;
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (qr.isDark(r, c)) dark++;
    expect(d.match(/M/g)).toHaveLength(dark);
    expect(d).toContain('M0 0h1v1h-1z'); // the top-left finder pattern's corner
    const { container } = render(<QrCode value={url} />);
    expect(container.querySelector('svg')).toHaveAttribute('viewBox', `0 0 ${size + 8} ${size + 8}`);
    expect(qrPath('2026-0101-000124').d).not.toBe(qrPath('2026-0101-000123').d);
  });
});
