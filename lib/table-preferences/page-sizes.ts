// Rows per page a table offers. Pure: the browser's page-size menu and the server's paging share it.
export const PAGE_SIZES = [50, 100, 500] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Rows per page: the URL's choice when it is one of the offered sizes, else the remembered one. */
export function pageSizeOf(requested: string | undefined, remembered: number | null, fallback: PageSize = 50): PageSize {
  const asked = Number(requested);
  if ((PAGE_SIZES as readonly number[]).includes(asked)) return asked as PageSize;
  if (remembered !== null && (PAGE_SIZES as readonly number[]).includes(remembered)) return remembered as PageSize;
  return fallback;
}
