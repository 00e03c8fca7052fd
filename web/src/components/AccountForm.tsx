/**
 * @module AccountForm
 * What the sign-in and sign-up pages share: a labelled field whose error is tied to it
 * (`aria-invalid`, `aria-describedby`), the box for a refusal that belongs to no field, focus on
 * the first error, and the server's refusals in the page's language.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';

export type AccountFieldName = 'name' | 'email' | 'password';

export interface Refusal {
  /** The field at fault; undefined when the refusal is the whole form's (rate limit, closed sign-up). */
  readonly field: AccountFieldName | undefined;
  readonly message: string;
}

/** A loose check: the server has the last word, this only catches an empty or mistyped address. */
export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** The server's refusal of a sign-in or a sign-up, said in the page's language. */
export function refusalOf(error: unknown, form: 'signIn' | 'signUp', t: TFunction): Refusal {
  if (!(error instanceof ApiError)) return { field: undefined, message: t('account.refusal.other') };
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  const field = error.problems
    .map((p) => p.path)
    .find((p): p is AccountFieldName => ['name', 'email', 'password'].includes(p));
  switch (error.code) {
    case 'NETWORK':
    case 'UNREACHABLE':
      if (error.status === 0) return { field: undefined, message: t('account.refusal.network') };
      break;
    case 'RATE_LIMITED':
      // A locked account names its email; a busy address names no field.
      if (field === 'email') return { field: undefined, message: t('account.refusal.locked', { minutes }) };
      return {
        field: undefined,
        message: t(form === 'signUp' ? 'account.refusal.tooManySignUps' : 'account.refusal.tooManySignIns', {
          minutes,
        }),
      };
    case 'FORBIDDEN':
      return {
        field: undefined,
        message: t(form === 'signUp' ? 'account.refusal.signUpClosed' : 'account.refusal.disabled'),
      };
    case 'UNAUTHENTICATED':
      return { field: undefined, message: t('account.refusal.wrongPassword') };
    case 'CONFLICT':
      return { field: 'email', message: t('account.refusal.emailTaken') };
    case 'INVALID_INPUT':
      if (field === 'email') return { field, message: t('account.field.emailInvalid') };
      if (field === 'password') return { field, message: t('account.refusal.passwordRefused') };
      break;
  }
  return { field: undefined, message: t('account.refusal.other') };
}

/**
 * The errors of one form and where focus goes: `show` puts field errors (and a form-wide refusal)
 * on screen and moves focus to the first one once drawn.
 */
export function useFormErrors(order: readonly AccountFieldName[]) {
  const [errors, setErrors] = useState<Partial<Record<AccountFieldName, string>>>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [focusRequest, setFocusRequest] = useState(0);
  const fields = useRef<Partial<Record<AccountFieldName, HTMLInputElement | null>>>({});
  const refusalRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = order.find((name) => errors[name] !== undefined);
    if (first) fields.current[first]?.focus();
    else refusalRef.current?.focus();
    // Only a new request moves focus, not each keystroke.
  }, [focusRequest]);

  return {
    errors,
    refusal,
    refusalRef,
    /** A ref callback for the named field's input. */
    fieldRef: (name: AccountFieldName) => (element: HTMLInputElement | null) => {
      fields.current[name] = element;
    },
    clear: () => {
      setErrors({});
      setRefusal(undefined);
    },
    show: (next: Partial<Record<AccountFieldName, string>>, formRefusal?: string) => {
      setErrors(next);
      setRefusal(formRefusal);
      setFocusRequest((n) => n + 1);
    },
  };
}

export function AccountField(props: {
  readonly name: AccountFieldName;
  readonly label: string;
  readonly type: 'text' | 'email' | 'password';
  readonly autoComplete: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | undefined;
  readonly hint?: string;
  readonly inputRef: (element: HTMLInputElement | null) => void;
}) {
  const id = `account-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label className="label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        ref={props.inputRef}
        name={props.name}
        type={props.type}
        autoComplete={props.autoComplete}
        className={`field ${props.error ? 'border-red-700 dark:border-red-400' : ''}`}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        required
        {...(props.type === 'email' ? { inputMode: 'email' as const, spellCheck: false } : {})}
      />
      {props.hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm muted">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A refusal of the whole form, announced and focusable (focus moves here when no field is at fault). */
export function RefusalNote({
  message,
  noteRef,
}: {
  message: string | undefined;
  noteRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <div
      ref={noteRef}
      tabIndex={-1}
      role="alert"
      className={
        message
          ? 'rounded-md border border-red-300 bg-red-50 p-3 text-red-900 outline-none focus-visible:outline-2 dark:border-red-700 dark:bg-red-950 dark:text-red-100'
          : 'sr-only'
      }
    >
      {message && (
        <>
          <p className="font-semibold">{t('account.refusal.heading')}</p>
          <p>{message}</p>
        </>
      )}
    </div>
  );
}
