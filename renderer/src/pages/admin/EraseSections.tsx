import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { eraseTenant, eraseUser, isSyncId, type TenantErasure, type UserErasure } from '../../sync/admin';
import type { AdminContext } from './AdminPage';

/** A filled red button (the global submit style is blue); dimmed while disabled. */
const dangerStyle = (disabled: boolean) => ({
  background: 'var(--danger)',
  borderColor: 'var(--danger)',
  color: '#fff',
  opacity: disabled ? 0.45 : 1,
  cursor: disabled ? 'not-allowed' : 'pointer',
});

/** Erase a person's data: the object id typed twice, then one request; shows what was erased. */
/** A typed id (object id, tenant id) with its validation message: erasures are confirmed by typing. */
function IdInput(p: {
  id: string;
  label: React.ReactNode;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
}) {
  return (
    <>
      <label htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        value={p.value}
        autoComplete="off"
        spellCheck={false}
        size={44}
        aria-invalid={p.error !== null}
        aria-describedby={p.error !== null ? `${p.id}-error` : undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.error !== null && (
        <p id={`${p.id}-error`} className="field-error">
          {p.error}
        </p>
      )}
    </>
  );
}

/**
 * One erasure request: busy while it runs, its counts or its explained error afterwards; a success
 * clears the typed ids and reloads the audit log (the erasure is audited).
 */
function useErasure<R>(ctx: AdminContext) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (erase: () => Promise<R>, onDone: () => void) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await erase());
      onDone();
      ctx.refresh();
    } catch (err) {
      setError(ctx.explain(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, error, run };
}

export function EraseUserSection({ ctx }: { ctx: AdminContext }) {
  const { t } = useTranslation();
  const [oid, setOid] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, result, error, run } = useErasure<UserErasure>(ctx);

  const id = oid.trim();
  const valid = isSyncId(id);
  const matches = valid && repeat.trim() === id;
  const showInvalid = id.length > 0 && !valid;
  const showMismatch = valid && repeat.trim().length > 0 && !matches;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!matches || busy) return;
    await run(
      () => eraseUser(ctx.send, id),
      () => {
        setOid('');
        setRepeat('');
      },
    );
  };

  const nothing =
    result &&
    result.projects + result.versions + result.keys + result.memberships + (result.directory ?? 0) === 0;
  return (
    <section className="panel" aria-labelledby="admin-user-title">
      <h2 id="admin-user-title">{t('admin.user.title')}</h2>
      <p>{t('admin.user.erased')}</p>
      <p className="muted">{t('admin.user.remains')}</p>
      <p className="muted">{t('admin.user.devices')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div style={{ marginBottom: 8 }}>
          <IdInput
            id="admin-user-oid"
            label={t('admin.user.oid')}
            value={oid}
            onChange={setOid}
            error={showInvalid ? t('admin.user.invalid') : null}
          />
          {valid && id === ctx.oid && <p className="field-error">{t('admin.user.self')}</p>}
        </div>
        <div style={{ marginBottom: 8 }}>
          <IdInput
            id="admin-user-repeat"
            label={t('admin.user.oidRepeat')}
            value={repeat}
            onChange={setRepeat}
            error={showMismatch ? t('admin.user.mismatch') : null}
          />
        </div>
        <button type="submit" style={dangerStyle(!matches || busy)} disabled={!matches || busy}>
          {busy ? t('admin.user.erasing') : t('admin.user.erase')}
        </button>
      </form>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {result && (
        <p role="status" className="panel ok">
          {nothing
            ? t('admin.user.nothing', { userId: result.userId })
            : t('admin.user.result', { ...result })}
          {!nothing && result.directory !== undefined
            ? ` ${t('admin.user.resultDirectory', { directory: result.directory })}`
            : ''}
        </p>
      )}
    </section>
  );
}

/** Erase the whole tenant: the tenant id typed (sent as X-Confirm-Tenant), then a second confirmation. */
export function EraseTenantSection({ ctx }: { ctx: AdminContext }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, result, error, run } = useErasure<TenantErasure>(ctx);

  const value = typed.trim();
  // With the tenant of the sign-in known, only exactly that id enables the button; the server checks again.
  const matches = ctx.tenantId ? value === ctx.tenantId : isSyncId(value);
  const showMismatch = value.length > 0 && !matches;

  const erase = async () => {
    setConfirming(false);
    await run(
      () => eraseTenant(ctx.send, value),
      () => setTyped(''),
    );
  };

  return (
    <section className="panel problems" aria-labelledby="admin-tenant-title">
      <h2 id="admin-tenant-title">{t('admin.tenant.title')}</h2>
      <p>
        <strong>{t('admin.tenant.explain')}</strong>
      </p>
      <p className="muted">{t('admin.tenant.crypto')}</p>
      <p>{t('admin.tenant.devices')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !busy) setConfirming(true);
        }}
        noValidate
      >
        <IdInput
          id="admin-tenant-id"
          label={
            ctx.tenantId
              ? t('admin.tenant.tenantId', { tenantId: ctx.tenantId })
              : t('admin.tenant.tenantIdUnknown')
          }
          value={typed}
          onChange={setTyped}
          error={showMismatch ? t('admin.tenant.mismatch') : null}
        />
        <div style={{ marginTop: 8 }}>
          <button type="submit" style={dangerStyle(!matches || busy)} disabled={!matches || busy}>
            {busy ? t('admin.tenant.erasing') : t('admin.tenant.erase')}
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog
          title={t('admin.tenant.confirmTitle')}
          body={t('admin.tenant.confirmBody', { tenantId: value })}
          confirmLabel={t('admin.tenant.confirm')}
          cancelLabel={t('admin.tenant.cancel')}
          onConfirm={() => void erase()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {result && (
        <p role="status" className="panel ok">
          {t('admin.tenant.result', { ...result })}
          {result.directory !== undefined
            ? ` ${t('admin.tenant.resultDirectory', { directory: result.directory })}`
            : ''}
        </p>
      )}
    </section>
  );
}
