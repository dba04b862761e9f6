export * from './imports.module';
export * from './imports.options';
export * from './imports.service';
export * from './upload-directory';
