/**
 * What one resident's details look like to people who may not see them (PRODUCT.md: public lists
 * show 王**, phones as 138****1234, and no address).
 */

/** 王小明 → 王**: the first character stays, the rest is hidden (also for one-character names). */
export const maskName = (name: string): string => `${Array.from(name.trim())[0] ?? ''}**`;

/** 13812341234 → 138****1234 */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');
