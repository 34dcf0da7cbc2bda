export { oidcSignInModule as default } from './module';
export { verifiedEmailSignInResolver } from './verifiedEmailSignInResolver';
