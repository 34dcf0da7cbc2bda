export { SparkApplicationContent } from './SparkApplicationContent';
