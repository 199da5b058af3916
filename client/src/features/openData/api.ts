import { getFile } from '../../lib/api/client';

/** The public key that checks every package's manifest.sig (anonymous, outside /api/v1). */
export const OPEN_DATA_KEY_PATH = '/.well-known/governance-open-data-key.pem';

/** The API path of a county's package for a closed month (YYYY-MM). */
export const packagePath = (countyId: string, month: string) =>
  `/open-data/packages/${encodeURIComponent(countyId)}/${encodeURIComponent(month)}`;

export const openDataApi = {
  /** 数据开放包: the ZIP with its file name (open-data-<县代码>-<月份>.zip), or the API's problem. */
  downloadPackage: (countyId: string, month: string, signal?: AbortSignal) =>
    getFile(packagePath(countyId, month), { signal }),
};
