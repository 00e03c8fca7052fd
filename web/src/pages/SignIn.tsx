/**
 * @module SignIn
 * The sign-in page of a multi-user server: email and password, the server's refusal (wrong
 * password, too many attempts, a locked or disabled account) in the page's language, and the
 * way to the sign-up page when the server offers sign-up.
 */
import { useEffect, useRef, useState } from 'react';
import { AccountField, looksLikeEmail, RefusalNote, refusalOf, useFormErrors } from '../components/AccountForm.js';
import { signIn } from '../lib/account.js';
import { useLocale } from '../lib/locale.js';

export default function SignIn({
  signUpOpen,
  onSignUp,
  focusHeading,
}: {
  signUpOpen: boolean;
  onSignUp: () => void;
  /** Move focus to the heading once drawn (after switching from the sign-up page). */
  focusHeading: boolean;
}) {
  const { t } = useLocale();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  const form = useFormErrors(['email', 'password']);

  const submit = async () => {
    const errors = {
      ...(looksLikeEmail(email) ? {} : { email: t('account.field.emailInvalid') }),
      ...(password === '' ? { password: t('account.field.passwordMissing') } : {}),
    };
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    form.clear();
    setBusy(true);
    try {
      await signIn(email.trim(), password);
    } catch (error) {
      const refusal = refusalOf(error, 'signIn', t);
      if (refusal.field) form.show({ [refusal.field]: refusal.message });
      else form.show({}, refusal.message);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sign-in-title" className="mx-auto max-w-md space-y-4">
      <h1 id="sign-in-title" ref={heading} tabIndex={-1} className="h1 mb-1 outline-none">
        {t('account.signIn.title')}
      </h1>
      <p className="muted">{t('account.signIn.intro')}</p>
      <form
        noValidate
        className="card space-y-4"
        aria-labelledby="sign-in-title"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <RefusalNote message={form.refusal} noteRef={form.refusalRef} />
        <AccountField
          name="email"
          label={t('account.field.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={form.errors.email}
          inputRef={form.fieldRef('email')}
        />
        <AccountField
          name="password"
          label={t('account.field.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.errors.password}
          inputRef={form.fieldRef('password')}
        />
        <button type="submit" className="btn btn-primary w-full" disabled={busy}>
          {busy ? t('common.working') : t('account.signIn.submit')}
        </button>
      </form>
      {signUpOpen ? (
        <p>
          {t('account.signIn.noAccount')}{' '}
          <button type="button" className="font-medium text-blue-700 underline dark:text-blue-300" onClick={onSignUp}>
            {t('account.signIn.toSignUp')}
          </button>
        </p>
      ) : (
        <p className="muted">{t('account.signIn.adminOnly')}</p>
      )}
    </section>
  );
}
