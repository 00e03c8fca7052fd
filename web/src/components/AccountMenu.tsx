/**
 * @module AccountMenu
 * In the header of a multi-user server: who is signed in, and signing out. Local mode (no
 * accounts) shows nothing.
 */
import { useState } from 'react';
import { signOut, useAccount } from '../lib/account.js';
import { useLocale } from '../lib/locale.js';

export function AccountMenu() {
  const { t } = useLocale();
  const { mode, user } = useAccount();
  const [failed, setFailed] = useState(false);
  if (mode?.mode !== 'multi-user' || !user) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <span data-testid="signed-in-as">
        {t('account.signedInAs')} <strong className="font-semibold">{user.name}</strong>
      </span>
      <button
        type="button"
        className="btn py-1"
        onClick={() => {
          setFailed(false);
          signOut().catch(() => setFailed(true));
        }}
      >
        {t('account.signOut')}
      </button>
      {failed && (
        <span role="alert" className="text-red-800 dark:text-red-300">
          {t('account.signOutFailed')}
        </span>
      )}
    </div>
  );
}
