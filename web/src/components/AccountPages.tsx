/**
 * @module AccountPages
 * What a multi-user server shows instead of the app's pages while nobody is signed in: the
 * sign-in page, or the sign-up page when the server offers sign-up and the person asks for it.
 * Switching between them moves focus to the new page's heading (once it is drawn: the pages load on
 * demand).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { ServerMode } from '../lib/account.js';
import { useLocale } from '../lib/locale.js';
import { Loading } from './Feedback.js';

const SignIn = lazy(() => import('../pages/SignIn.js'));
const SignUp = lazy(() => import('../pages/SignUp.js'));

export function AccountPages({ mode }: { mode: ServerMode | undefined }) {
  const { t, locale } = useLocale();
  const [view, setView] = useState<'signIn' | 'signUp'>('signIn');
  const switched = useRef(false);
  const signUpOpen = mode?.mode === 'multi-user' && mode.signUp;
  const shown = view === 'signUp' && signUpOpen ? 'signUp' : 'signIn';

  useEffect(() => {
    document.title = `${t(`account.${shown}.title`)} · mlpath`;
  }, [shown, t, locale]);

  const go = (next: 'signIn' | 'signUp') => {
    switched.current = true;
    setView(next);
  };
  return (
    <Suspense fallback={<Loading />}>
      {shown === 'signUp' && mode?.mode === 'multi-user' ? (
        <SignUp
          passwordMin={mode.passwordMin}
          passwordMax={mode.passwordMax}
          onSignIn={() => go('signIn')}
          focusHeading={switched.current}
        />
      ) : (
        <SignIn signUpOpen={signUpOpen} onSignUp={() => go('signUp')} focusHeading={switched.current} />
      )}
    </Suspense>
  );
}
