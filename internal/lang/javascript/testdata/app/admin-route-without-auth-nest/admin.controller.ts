import { Controller, Delete, Get, Param, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Roles } from './roles.decorator';
import { RolesGuard } from './roles.guard';

@Controller('admin')
@UseGuards(AuthGuard('jwt'))
export class AdminController {
  @Get('users')
  listUsers() { // want: js.admin-route-without-auth
    return [];
  }

  @Delete('users/:id')
  @UseGuards(RolesGuard)
  @Roles('admin')
  deleteUser(@Param('id') id: string) {
    return { id };
  }
}

@Controller('internal')
export class InternalController {
  @Post('reindex')
  reindex() { // want: js.admin-route-without-auth
    return { ok: true };
  }
}

@Controller('backoffice')
@UseGuards(AuthGuard('jwt'), RolesGuard)
export class BackofficeController {
  @Get('reports')
  reports() {
    return [];
  }
}
