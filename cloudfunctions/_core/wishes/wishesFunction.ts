import { defineFunction } from '../runtime/defineFunction';
import { wishClaiming } from './wishClaiming';
import { wishPosting } from './wishPosting';
import { wishQueries } from './wishQueries';

/** 微心愿: post, review, claim, fulfil, confirm (PRODUCT.md "Loop 2"). */
export const wishesFunction = defineFunction('wishes', {
  ...wishPosting,
  ...wishClaiming,
  ...wishQueries,
});
