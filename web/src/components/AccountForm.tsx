/**
 * @module AccountForm
 * What the sign-in and sign-up pages share: a labelled field whose error is tied to it
 * (`aria-invalid`, `aria-describedby`), the box for a refusal that belongs to no field, focus on
 * the first error, the server's refusals in the page's language, and the page around the form
 * (`AccountPage`: heading, intro, submit, the way to the other page).
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
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

/** Per field: its input type and, per form, what the browser's password manager should fill. */
const FIELD_KIND: Record<
  AccountFieldName,
  { type: 'text' | 'email' | 'password'; autoComplete: Record<'signIn' | 'signUp', string> }
> = {
  name: { type: 'text', autoComplete: { signIn: 'name', signUp: 'name' } },
  email: { type: 'email', autoComplete: { signIn: 'username', signUp: 'email' } },
  password: { type: 'password', autoComplete: { signIn: 'current-password', signUp: 'new-password' } },
};

/** One labelled field of an account form; its label, type, error and focus come from its name and the form. */
export function AccountField({
  name,
  state,
  value,
  onChange,
  hint,
}: {
  readonly name: AccountFieldName;
  readonly state: ReturnType<typeof useAccountForm>;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
}) {
  const { t } = useTranslation();
  const { type, autoComplete } = FIELD_KIND[name];
  const props = {
    name,
    label: t(`account.field.${name}`),
    type,
    autoComplete: autoComplete[state.kind],
    value,
    onChange,
    error: state.form.errors[name],
    hint,
    inputRef: state.form.fieldRef(name),
  };
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

/**
 * The state of one account form: its errors, whether it is sending, and `submit`, called with the
 * fields' own errors (empty when they pass) and the request to send: it shows the errors, or sends
 * and shows the server's refusal in the page's language.
 */
export function useAccountForm(kind: 'signIn' | 'signUp', order: readonly AccountFieldName[]) {
  const { t } = useTranslation();
  const form = useFormErrors(order);
  const [busy, setBusy] = useState(false);
  const submit = async (errors: Partial<Record<AccountFieldName, string>>, send: () => Promise<void>) => {
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    form.clear();
    setBusy(true);
    try {
      await send();
    } catch (error) {
      const refusal = refusalOf(error, kind, t);
      if (refusal.field) form.show({ [refusal.field]: refusal.message });
      else form.show({}, refusal.message);
      setBusy(false);
    }
  };
  return { kind, form, busy, submit };
}

/**
 * One account page: its heading (focused when asked, after switching from the other page), intro,
 * the form with its refusal note and fields, the submit button, and a footer.
 */
export function AccountPage(props: {
  kind: 'signIn' | 'signUp';
  focusHeading: boolean;
  state: ReturnType<typeof useAccountForm>;
  onSubmit: () => void;
  /** The form's fields. */
  children: ReactNode;
  footer: ReactNode;
}) {
  const { t } = useTranslation();
  const { kind, state } = props;
  const id = kind === 'signIn' ? 'sign-in-title' : 'sign-up-title';
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focusHeading) heading.current?.focus();
  }, [props.focusHeading]);
  return (
    <section aria-labelledby={id} className="mx-auto max-w-md space-y-4">
      <h1 id={id} ref={heading} tabIndex={-1} className="h1 mb-1 outline-none">
        {t(`account.${kind}.title`)}
      </h1>
      <p className="muted">{t(`account.${kind}.intro`)}</p>
      <form
        noValidate
        className="card space-y-4"
        aria-labelledby={id}
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <RefusalNote message={state.form.refusal} noteRef={state.form.refusalRef} />
        {props.children}
        <button type="submit" className="btn btn-primary w-full" disabled={state.busy}>
          {state.busy ? t('common.working') : t(`account.${kind}.submit`)}
        </button>
      </form>
      {props.footer}
    </section>
  );
}

/** The button-styled link to the other account page. */
export function SwitchPageLink({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="font-medium text-blue-700 underline dark:text-blue-300" onClick={onClick}>
      {label}
    </button>
  );
}
