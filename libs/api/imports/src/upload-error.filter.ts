import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
} from '@nestjs/common';
import type { Response } from 'express';

import { IMPORTS_OPTIONS, type ImportsOptions } from './imports.options';

/**
 * Says in plain words what multer's terse upload errors mean ("File too
 * large", "Unexpected field"), naming the limit and the expected fields.
 */
@Catch(HttpException)
export class UploadErrorFilter implements ExceptionFilter {
  constructor(
    @Inject(IMPORTS_OPTIONS) private readonly options: ImportsOptions,
  ) {}

  catch(exception: HttpException, host: ArgumentsHost) {
    const status = exception.getStatus();
    let message = messageOf(exception);
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
      message = `The file is larger than the upload limit of ${this.options.uploadLimitMb} MB (CROSSWALK_UPLOAD_LIMIT_MB).`;
    } else if (/^Unexpected (file )?field/.test(message)) {
      message =
        'Send one file in the form field "file" and the profile name in the form field "profile".';
    }
    const response = host.switchToHttp().getResponse<Response>();
    response.status(status).json({
      statusCode: status,
      error: errorName(exception),
      message,
    });
  }
}

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message)
    ? message.join('; ')
    : String(message ?? exception.message);
}

function errorName(exception: HttpException): string {
  const body = exception.getResponse();
  return typeof body === 'object' &&
    typeof (body as { error?: unknown }).error === 'string'
    ? (body as { error: string }).error
    : exception.name.replace(/Exception$/, '');
}
