/**
 * @module SignUp
 * The sign-up page of a multi-user server (offered only when the server allows sign-up): name,
 * email and a password of the server's lengths; the server's refusal (email taken, sign-up
 * closed, too many sign-ups) in the page's language. A new account lands on onboarding.
 */
import { useEffect, useRef, useState } from 'react';
import { AccountField, looksLikeEmail, RefusalNote, refusalOf, useFormErrors } from '../components/AccountForm.js';
import { signUp } from '../lib/account.js';
import { useLocale } from '../lib/locale.js';

export default function SignUp({
  passwordMin,
  passwordMax,
  onSignIn,
  focusHeading,
}: {
  passwordMin: number;
  passwordMax: number;
  onSignIn: () => void;
  /** Move focus to the heading once drawn (after switching from the sign-in page). */
  focusHeading: boolean;
}) {
  const { t } = useLocale();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  const form = useFormErrors(['name', 'email', 'password']);
  const lengths = { min: passwordMin, max: passwordMax };

  const submit = async () => {
    const errors = {
      ...(name.trim() === '' ? { name: t('account.field.nameMissing') } : {}),
      ...(looksLikeEmail(email) ? {} : { email: t('account.field.emailInvalid') }),
      ...(password.length < passwordMin || password.length > passwordMax
        ? { password: t('account.field.passwordLength', { ...lengths, length: password.length }) }
        : {}),
    };
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    form.clear();
    setBusy(true);
    try {
      await signUp(name.trim(), email.trim(), password);
    } catch (error) {
      const refusal = refusalOf(error, 'signUp', t);
      if (refusal.field) form.show({ [refusal.field]: refusal.message });
      else form.show({}, refusal.message);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sign-up-title" className="mx-auto max-w-md space-y-4">
      <h1 id="sign-up-title" ref={heading} tabIndex={-1} className="h1 mb-1 outline-none">
        {t('account.signUp.title')}
      </h1>
      <p className="muted">{t('account.signUp.intro')}</p>
      <form
        noValidate
        className="card space-y-4"
        aria-labelledby="sign-up-title"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <RefusalNote message={form.refusal} noteRef={form.refusalRef} />
        <AccountField
          name="name"
          label={t('account.field.name')}
          type="text"
          autoComplete="name"
          value={name}
          onChange={setName}
          error={form.errors.name}
          inputRef={form.fieldRef('name')}
        />
        <AccountField
          name="email"
          label={t('account.field.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={form.errors.email}
          inputRef={form.fieldRef('email')}
        />
        <AccountField
          name="password"
          label={t('account.field.password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          hint={t('account.field.passwordHint', lengths)}
          error={form.errors.password}
          inputRef={form.fieldRef('password')}
        />
        <button type="submit" className="btn btn-primary w-full" disabled={busy}>
          {busy ? t('common.working') : t('account.signUp.submit')}
        </button>
      </form>
      <p>
        {t('account.signUp.haveAccount')}{' '}
        <button type="button" className="font-medium text-blue-700 underline dark:text-blue-300" onClick={onSignIn}>
          {t('account.signUp.toSignIn')}
        </button>
      </p>
    </section>
  );
}
