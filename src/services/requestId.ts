/**
 * A client request id (≥ 8 chars, as FunctionEvent requires). Generated once per user intent and
 * reused on retry, so the server can answer a repeated create with the first result.
 */
export const newRequestId = (): string => {
  const time = Date.now().toString(36);
  let random = '';
  while (random.length < 12) random += Math.random().toString(36).slice(2);
  return `${time}-${random.slice(0, 12)}`;
};
