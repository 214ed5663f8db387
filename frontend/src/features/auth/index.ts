export { logOut } from './api/auth-api';
export { useMe, type Me } from './api/use-me';
export { LoginForm } from './components/LoginForm';
export { PasswordChangeForm } from './components/PasswordChangeForm';
export { ProfileForm } from './components/ProfileForm';
export {
  isLoginRedirectState,
  Loading,
  LOGIN_PATH,
  PASSWORD_CHANGE_PATH,
  RequireAuth,
  RequireRole,
  type LoginRedirectState,
} from './components/RequireAuth';
export { SessionWatcher } from './components/SessionWatcher';
export { UserMenu } from './components/UserMenu';
export {
  auditedCellIds,
  canAudit,
  canManageCell,
  canManageCells,
  chairedTables,
  canOversee,
  canOverseeCell,
  heldRoles,
  isPlatformAdministrator,
  operationalCellIds,
  OPERATIONAL_ROLES,
  oversightCellIds,
  OVERSIGHT_ROLES,
  rolesIn,
  sitsAtTable,
  TABLE_ROLES,
  tableCellIds,
  strategicCellIds,
  worksOnCases,
  type CellRole,
  type PlatformRole,
} from './model/roles';
export { useSession } from './use-session';
