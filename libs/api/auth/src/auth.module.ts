import { UserEntity } from '@crosswalk/api/database';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthGuard } from './auth.guard';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { AuthResolver } from './auth.resolver';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { UsersService } from './users.service';

@Module({})
export class AuthModule {
  static register(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature([UserEntity])],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AuthGuard },
        PasswordService,
        SessionService,
        UsersService,
        AuthResolver,
      ],
      exports: [UsersService],
    };
  }
}
