export { DEPLOY_MODEL_TEMPLATE, ModelsCard } from './ModelsCard';
