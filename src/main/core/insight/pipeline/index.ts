export {
  analysisText,
  createAnalysisPipeline,
  fallbackLanguage,
  type AnalysedListener,
  type AnalysisPipeline,
  type AnalysisPipelineDeps,
  type BatchResult,
} from './analysisPipeline';
