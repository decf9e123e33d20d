import writeExcelFile from 'write-excel-file/node';
import { defineFunction } from '../runtime/defineFunction';
import { monthlyReview } from './monthlyReview';
import { reviewSheets } from './reviewWorkbook';

/** 月度复盘 and its Excel export (staff). */
export const reportsFunction = defineFunction('reports', {
  monthlyReview: {
    access: 'staff',
    run: ({ ports, caller }, input) => monthlyReview(ports, caller.communityId, input.month),
  },
  exportMonthlyReview: {
    access: 'staff',
    async run({ ports, caller }, input) {
      const review = await monthlyReview(ports, caller.communityId, input.month);
      const buffer = await writeExcelFile(reviewSheets(review)).toBuffer();
      return { fileName: `月度复盘-${input.month}.xlsx`, base64: buffer.toString('base64') };
    },
  },
});
