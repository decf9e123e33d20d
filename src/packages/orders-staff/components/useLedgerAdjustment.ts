import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { FieldErrors } from '../../../lib/fieldErrors';
import { ApiCallError, messageOf, newRequestId } from '../../../services';

type Checked<I> = { readonly ok: true; readonly input: I } | { readonly ok: false; readonly errors: FieldErrors };

/**
 * A staff correction to an append-only ledger (points or service hours): the draft, its check with
 * the server's schema, a confirmation, then one send. One request id per correction the staff
 * member means, so a retry after a network failure lands once.
 */
export const useLedgerAdjustment = <D, I>(options: {
  empty: D;
  check: (draft: D) => Checked<I>;
  send: (input: I, requestId: string) => Promise<unknown>;
  /** Shown when the correction has landed. */
  doneText: string;
  onDone: () => void;
}) => {
  const [draft, setDraft] = useState<D>(options.empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState<I | null>(null);
  const [busy, setBusy] = useState(false);
  const requestId = useRef(newRequestId());

  const review = () => {
    const checked = options.check(draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) setConfirming(checked.input);
  };

  const submit = async (input: I) => {
    setConfirming(null);
    setBusy(true);
    try {
      await options.send(input, requestId.current);
      requestId.current = newRequestId();
      setDraft(options.empty);
      void Taro.showToast({ title: options.doneText, icon: 'success' });
      options.onDone();
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return { draft, setDraft, errors, confirming, busy, review, submit, cancel: () => setConfirming(null) };
};
