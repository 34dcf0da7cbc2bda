export { NotebooksCard } from './NotebooksCard';
