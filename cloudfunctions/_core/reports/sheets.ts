/** Building blocks of the exported workbooks (write-excel-file's data shape): one table per sheet. */
export type Cell = { value: string | number; fontWeight?: 'bold' } | null;
export type Sheet = { sheet: string; data: Cell[][] };

export const header = (...titles: string[]): Cell[] => titles.map((value) => ({ value, fontWeight: 'bold' }));
export const cell = (value: string | number | null | undefined): Cell => (value === null || value === undefined ? { value: '—' } : { value });
export const percent = (rate: number | null) => (rate === null ? null : `${Math.round(rate * 1000) / 10}%`);

/** 2026-11-23 10:05, Shanghai time. */
export const dateTimeOf = (at: number): string => new Date(at + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
