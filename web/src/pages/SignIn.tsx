/**
 * @module SignIn
 * The sign-in page of a multi-user server: email and password, the server's refusal (wrong
 * password, too many attempts, a locked or disabled account) in the page's language, and the
 * way to the sign-up page when the server offers sign-up.
 */
import { useState } from 'react';
import {
  AccountField,
  AccountPage,
  looksLikeEmail,
  SwitchPageLink,
  useAccountForm,
} from '../components/AccountForm.js';
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
  const state = useAccountForm('signIn', ['email', 'password']);

  const submit = () =>
    state.submit(
      {
        ...(looksLikeEmail(email) ? {} : { email: t('account.field.emailInvalid') }),
        ...(password === '' ? { password: t('account.field.passwordMissing') } : {}),
      },
      () => signIn(email.trim(), password),
    );

  return (
    <AccountPage
      kind="signIn"
      focusHeading={focusHeading}
      state={state}
      onSubmit={() => void submit()}
      footer={
        signUpOpen ? (
          <p>
            {t('account.signIn.noAccount')} <SwitchPageLink label={t('account.signIn.toSignUp')} onClick={onSignUp} />
          </p>
        ) : (
          <p className="muted">{t('account.signIn.adminOnly')}</p>
        )
      }
    >
      <AccountField name="email" state={state} value={email} onChange={setEmail} />
      <AccountField name="password" state={state} value={password} onChange={setPassword} />
    </AccountPage>
  );
}
