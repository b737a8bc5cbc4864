-- CreateEnum
CREATE TYPE "AttemptKind" AS ENUM ('LOGIN', 'INVITATION', 'PASSWORD_CHANGE', 'SIGNUP');

-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "kind" "AttemptKind" NOT NULL DEFAULT 'LOGIN';

