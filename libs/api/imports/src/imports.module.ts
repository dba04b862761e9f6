import { type DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';

import { ImportsController } from './imports.controller';
import { IMPORTS_OPTIONS, type ImportsOptions } from './imports.options';
import { ImportsResolver } from './imports.resolver';
import { ImportsService } from './imports.service';
import { UploadDirectory } from './upload-directory';
import { UploadErrorFilter } from './upload-error.filter';

@Module({})
export class ImportsModule {
  static register(options: ImportsOptions): DynamicModule {
    const uploads = new UploadDirectory();
    return {
      module: ImportsModule,
      imports: [
        MulterModule.registerAsync({
          useFactory: () => ({
            dest: uploads.path,
            defParamCharset: 'utf8',
            limits: {
              fileSize: options.uploadLimitMb * 1024 * 1024,
              files: 1,
              fields: 10,
            },
          }),
        }),
      ],
      controllers: [ImportsController],
      providers: [
        { provide: IMPORTS_OPTIONS, useValue: options },
        { provide: UploadDirectory, useValue: uploads },
        ImportsService,
        ImportsResolver,
        UploadErrorFilter,
      ],
      exports: [ImportsService],
    };
  }
}
