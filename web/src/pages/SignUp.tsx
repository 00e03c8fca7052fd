/**
 * @module SignUp
 * The sign-up page of a multi-user server (offered only when the server allows sign-up): name,
 * email and a password of the server's lengths; the server's refusal (email taken, sign-up
 * closed, too many sign-ups) in the page's language. A new account lands on onboarding.
 */
import { useState } from 'react';
import {
  AccountField,
  AccountPage,
  looksLikeEmail,
  SwitchPageLink,
  useAccountForm,
} from '../components/AccountForm.js';
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
  const state = useAccountForm('signUp', ['name', 'email', 'password']);
  const lengths = { min: passwordMin, max: passwordMax };

  const submit = () =>
    state.submit(
      {
        ...(name.trim() === '' ? { name: t('account.field.nameMissing') } : {}),
        ...(looksLikeEmail(email) ? {} : { email: t('account.field.emailInvalid') }),
        ...(password.length < passwordMin || password.length > passwordMax
          ? { password: t('account.field.passwordLength', { ...lengths, length: password.length }) }
          : {}),
      },
      () => signUp(name.trim(), email.trim(), password),
    );

  return (
    <AccountPage
      kind="signUp"
      focusHeading={focusHeading}
      state={state}
      onSubmit={() => void submit()}
      footer={
        <p>
          {t('account.signUp.haveAccount')} <SwitchPageLink label={t('account.signUp.toSignIn')} onClick={onSignIn} />
        </p>
      }
    >
      <AccountField name="name" state={state} value={name} onChange={setName} />
      <AccountField name="email" state={state} value={email} onChange={setEmail} />
      <AccountField
        name="password"
        state={state}
        value={password}
        onChange={setPassword}
        hint={t('account.field.passwordHint', lengths)}
      />
    </AccountPage>
  );
}
