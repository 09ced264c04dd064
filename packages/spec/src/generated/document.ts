// GENERATED FILE - DO NOT EDIT.
// Source: packages/spec/openapi/**. Edit the spec, then run `pnpm gen` (CI fails when this file drifts).
export const openapiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Electronic Labor Contract Platform API",
    "version": "1.1.0",
    "summary": "Provider intake and operations API of Vietnam's Electronic Labor Contract Platform (Decree 337/2025/NĐ-CP).",
    "description": "The Platform run by the Ministry of Home Affairs receives every labor contract signed in a\ncertified eContract system, verifies it and issues its national contract ID (DOMAIN.md N1-N5,\nF7-F10, S2.1, T5-T10). This document is the single contract of the hdld toolkit: the SDK's\ntypes and zod schemas, the server's request validation and the tests' response checks are all\nderived from it.\n\nErrors are RFC 9457 `application/problem+json` documents carrying a stable `code` from the\nerror catalog published under `x-error-catalog` (and as `error-catalog.json`).\n",
    "license": {
      "name": "Apache-2.0",
      "identifier": "Apache-2.0"
    },
    "contact": {
      "name": "hdld maintainers",
      "url": "https://example.invalid/hdld"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080",
      "description": "Local reference server (sandbox)"
    }
  ],
  "tags": [
    {
      "name": "auth",
      "description": "Authentication (OAuth2 client credentials) and who the caller is (T3, T4, T17)."
    },
    {
      "name": "contracts",
      "description": "Contract intake (N1, N5, F7, S2.1, T5-T8) and contract lookup (F9, F10, S1.1, S1.2)."
    },
    {
      "name": "transactions",
      "description": "Submission outcomes and the provider's transaction history (T10)."
    },
    {
      "name": "operations",
      "description": "Ministry operations on provider transactions (F35-F37) - reconciliation, explanations of failed transactions, approval and re-push."
    },
    {
      "name": "providers",
      "description": "The provider registry (N8, F12, F30, S2.3) - profiles, connection status and its history, the public list."
    },
    {
      "name": "reports",
      "description": "Monthly reports - providers' reports on their eContract service (F33; Decree 337/2025 Art. 25.6) and the report of violating providers on the 1st of each month (F38)."
    },
    {
      "name": "notifications",
      "description": "What the Platform tells providers (F4, F39, T14) - e-mails on connection status changes (Decree 337/2025 Art. 15.4) and explanation decisions, signed webhooks with transaction results."
    },
    {
      "name": "sandbox",
      "description": "Test-environment controls (S2.4), refused outside sandbox mode."
    },
    {
      "name": "health",
      "description": "Liveness and readiness."
    }
  ],
  "security": [
    {
      "providerToken": []
    }
  ],
  "paths": {
    "/v1/oauth/token": {
      "post": {
        "operationId": "createToken",
        "summary": "Get an access token (OAuth2 client credentials)",
        "description": "Issues a short-lived Bearer access token to a registered provider (DOMAIN.md T16, S2.4; Decree\n337/2025 Art. 7.1.g, 15.2) or Ministry operator. Authenticate a provider with `private_key_jwt`\n(RFC 7523: a JWT signed with the provider's registered key in `client_assertion`), the preferred\nmethod and the only one in production; a provider's `client_id` + `client_secret` is accepted\nin the sandbox only. Operators send their `client_id` + `client_secret`; their token carries\nthe `operator` role and the `operations` scope.\nFailures are problem documents (`CLIENT_AUTH_FAILED`, `REQUEST_INVALID`) rather than RFC 6749\n`error` objects. A suspended or disconnected provider gets `403`.\n",
        "tags": [
          "auth"
        ],
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "$ref": "#/components/schemas/TokenRequest"
              },
              "examples": {
                "privateKeyJwt": {
                  "summary": "private_key_jwt (preferred)",
                  "value": {
                    "grant_type": "client_credentials",
                    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion": "eyJhbGciOiJFUzI1NiIsImtpZCI6InByb3YtMjAyNi0wMSJ9.eyJpc3MiOiJwcm92LWVjb250cmFjdC1kZW1vIn0.c2lnbmF0dXJl",
                    "scope": "contracts:write contracts:read"
                  }
                },
                "clientSecret": {
                  "summary": "client_secret (sandbox only)",
                  "value": {
                    "grant_type": "client_credentials",
                    "client_id": "prov-econtract-demo",
                    "client_secret": "sandbox-secret-change-me"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The access token.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Cache-Control": {
                "description": "Always `no-store` (RFC 6749 section 5.1).",
                "schema": {
                  "type": "string"
                },
                "example": "no-store"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TokenResponse"
                },
                "example": {
                  "access_token": "eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJwcm92LWVjb250cmFjdC1kZW1vIn0.c2lnbmF0dXJl",
                  "token_type": "Bearer",
                  "expires_in": 900,
                  "scope": "contracts:write contracts:read"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/ClientAuthFailed"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/me": {
      "get": {
        "operationId": "getCaller",
        "summary": "Who am I",
        "description": "Who the access token belongs to (DOMAIN.md T3, T4, T17): its kind and role, its data scope\n(`provider`: its own data only; `nation`: every provider's, Ministry operators) and its ids.\nA provider also gets its own profile with its connection status (N8, S2.3), so an integration\ncan check it is connected, and as whom, before it submits. A suspended or disconnected\nprovider is refused like on any other call (`PROVIDER_SUSPENDED`, `PROVIDER_DISCONNECTED`).\n",
        "tags": [
          "auth"
        ],
        "security": [
          {
            "providerToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The caller.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Caller"
                },
                "examples": {
                  "provider": {
                    "summary": "A provider's application",
                    "value": {
                      "kind": "provider",
                      "role": "provider",
                      "scope": "provider",
                      "clientId": "econtract-demo-app",
                      "providerId": "prov-econtract-demo",
                      "provider": {
                        "providerId": "prov-econtract-demo",
                        "name": "Công ty eContract Demo",
                        "contactEmail": "ops@econtract-demo.invalid",
                        "status": "ACTIVE",
                        "createdAt": "2026-01-10T02:00:00Z",
                        "capabilities": [
                          "CONTRACT",
                          "BATCH",
                          "LIFECYCLE",
                          "CONVERTED_PAPER"
                        ],
                        "authenticationMethods": [
                          "private_key_jwt"
                        ],
                        "ipAllowList": []
                      }
                    }
                  },
                  "operator": {
                    "summary": "A Ministry operator",
                    "value": {
                      "kind": "operator",
                      "role": "operator",
                      "scope": "nation",
                      "clientId": "moha-ops-console",
                      "operatorId": "moha-operator-01"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/contracts": {
      "post": {
        "operationId": "submitContract",
        "summary": "Submit a signed electronic labor contract",
        "description": "Sends one contract signed in the provider's eContract (DOMAIN.md N1, F7, S2.1, T5-T8; Decree\n337/2025 Art. 7, 13.1): main data, signed PDF(s) as base64, certification evidence and transaction\nlog. Limits: request body 16 MiB (`PAYLOAD_TOO_LARGE`), each document 10 MiB decoded.\n\nThe Platform answers `202` at once with a transaction id; the checks (T9: schema, files,\nsignatures and timestamps, certification evidence, identity against the National Population\nDatabase, labor rules; N2, F8) and the ID issuance (N3, F9) follow asynchronously, and the outcome\nis read with `getTransaction` (T10), or awaited in the same call with `Prefer: wait=N` (`201`\nwith the final transaction when it is ready within N seconds). Send it within 24 hours of the\nlast signature, or it is flagged `SUBMISSION_LATE`. Resubmitting the same contract is answered with the existing ID\n(`replay`, with `duplicateOfReference`). Other content under a provider reference already used is\n`409 DUPLICATE_PROVIDER_REFERENCE`, except a corrected package for a FAILED transaction whose\nre-push an operator approved (F36, F37): it becomes a new transaction that `supersedes` the failed\none, which keeps its history and names it as `supersededBy`. Use an `Idempotency-Key` to retry safely: same key and body give the first answer\nagain (status and body, with `Idempotent-Replayed: true`), same key and another body\n`409 IDEMPOTENCY_KEY_REUSED`.\n",
        "tags": [
          "contracts"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:write"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/PreferWait"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ContractSubmission"
              },
              "examples": {
                "default": {
                  "$ref": "#/components/examples/ContractSubmission"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The same package (provider reference and body) sent again without its first Idempotency-Key; the existing transaction's acknowledgement, no new transaction.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmissionAcknowledgement"
                },
                "example": {
                  "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "kind": "CONTRACT",
                  "receivedAt": "2026-03-02T08:15:30Z",
                  "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "providerReference": "HD-2026-000123",
                  "status": "RECEIVED",
                  "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "retryAfterSeconds": 2
                }
              }
            }
          },
          "201": {
            "$ref": "#/components/responses/SubmissionCompleted"
          },
          "202": {
            "description": "Received and queued; the outcome follows asynchronously (poll `Location`).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmissionAcknowledgement"
                },
                "example": {
                  "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "kind": "CONTRACT",
                  "receivedAt": "2026-03-02T08:15:30Z",
                  "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "providerReference": "HD-2026-000123",
                  "status": "RECEIVED",
                  "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "retryAfterSeconds": 2
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/IdempotencyConflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/contracts/batch": {
      "post": {
        "operationId": "submitContractBatch",
        "summary": "Submit up to 50 contracts at once",
        "description": "Batch form of `submitContract` (DOMAIN.md T5, F7, S2.1): up to 50 `ContractSubmission` items and\n32 MiB per request (`413 BATCH_TOO_LARGE` otherwise). Each item is acknowledged independently,\nin request order, with its own transaction id (or a `problem` when the item itself is refused at\nintake, for example `REQUEST_INVALID`); outcomes follow asynchronously per transaction (T10).\nThe `Idempotency-Key` covers the whole batch.\n",
        "tags": [
          "contracts"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:write"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/BatchSubmission"
              },
              "examples": {
                "default": {
                  "$ref": "#/components/examples/BatchSubmission"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Replay of an earlier batch with the same Idempotency-Key and body; the stored results.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchAcknowledgement"
                },
                "example": {
                  "items": [
                    {
                      "index": 0,
                      "providerReference": "HD-2026-000123",
                      "acknowledgement": {
                        "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                        "kind": "CONTRACT",
                        "receivedAt": "2026-03-02T08:15:30Z",
                        "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "providerReference": "HD-2026-000123",
                        "status": "RECEIVED",
                        "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e"
                      }
                    }
                  ]
                }
              }
            }
          },
          "202": {
            "description": "Items received; one result per item.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchAcknowledgement"
                },
                "example": {
                  "items": [
                    {
                      "index": 0,
                      "providerReference": "HD-2026-000123",
                      "acknowledgement": {
                        "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                        "kind": "CONTRACT",
                        "receivedAt": "2026-03-02T08:15:30Z",
                        "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "providerReference": "HD-2026-000123",
                        "status": "RECEIVED",
                        "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                        "retryAfterSeconds": 2
                      }
                    },
                    {
                      "index": 1,
                      "providerReference": "HD-2026-000124",
                      "problem": {
                        "type": "https://hdld.invalid/problems/REQUEST_INVALID",
                        "title": "The request does not match the API schema",
                        "status": 400,
                        "code": "REQUEST_INVALID",
                        "detail": "1 field is invalid.",
                        "errors": [
                          {
                            "code": "REQUEST_INVALID",
                            "detail": "must match pattern \"^[0-9]{16}$\"",
                            "pointer": "/items/1/mainData/employee/identity/number"
                          }
                        ]
                      }
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/IdempotencyConflict"
          },
          "413": {
            "$ref": "#/components/responses/BatchTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/converted-paper-contracts": {
      "post": {
        "operationId": "submitConvertedPaperContract",
        "summary": "Submit a converted paper labor contract",
        "description": "Sends a labor contract concluded on paper and converted to a data message, with its conversion\nlog (Decree 337/2025 Art. 9.2.a, 13.1.b; DOMAIN.md core flow step 3, N1). It is checked (seal\nsignature and timestamp, conversion log, identity, labor rules) and gets an ID like an electronic\ncontract; later e-documents are then attached to that ID with `submitLifecycleDocument`.\nSame limits, idempotency and asynchronous outcome as `submitContract`.\n",
        "tags": [
          "contracts"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:write"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/PreferWait"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ConvertedPaperSubmission"
              },
              "examples": {
                "default": {
                  "$ref": "#/components/examples/ConvertedPaperSubmission"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The same package (provider reference and body) sent again without its first Idempotency-Key; the existing transaction's acknowledgement, no new transaction.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmissionAcknowledgement"
                },
                "example": {
                  "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "kind": "CONVERTED_PAPER",
                  "receivedAt": "2026-03-02T08:15:30Z",
                  "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "providerReference": "HD-GIAY-2019-045",
                  "status": "RECEIVED",
                  "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "retryAfterSeconds": 2
                }
              }
            }
          },
          "201": {
            "$ref": "#/components/responses/SubmissionCompleted"
          },
          "202": {
            "description": "Received and queued; the outcome follows asynchronously (poll `Location`).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmissionAcknowledgement"
                },
                "example": {
                  "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "kind": "CONVERTED_PAPER",
                  "receivedAt": "2026-03-02T08:15:30Z",
                  "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "providerReference": "HD-GIAY-2019-045",
                  "status": "RECEIVED",
                  "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "retryAfterSeconds": 2
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/IdempotencyConflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/contracts/{contractId}": {
      "get": {
        "operationId": "getContract",
        "summary": "Get a contract by its ID",
        "description": "The contract's state (F10), origin, current main data (N4), documents and lifecycle history\n(N5), as stored by the Platform (DOMAIN.md S1.1, S2.2). A provider sees the contracts it\nsubmitted (T4, T17).\n",
        "tags": [
          "contracts"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ContractId"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The contract.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Contract"
                },
                "examples": {
                  "default": {
                    "$ref": "#/components/examples/Contract"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ContractNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/contracts/{contractId}/lifecycle": {
      "post": {
        "operationId": "submitLifecycleDocument",
        "summary": "Attach a lifecycle document to a contract",
        "description": "Sends an appendix, amendment, supplement, suspension, resumption or termination concluded\nelectronically for an existing contract; it is attached to the same ID (Decree 337/2025 Art. 9.1,\n9.3; DOMAIN.md N5, F10). The contract must exist (`404 CONTRACT_NOT_FOUND`); whether the transition\nis allowed in its state (`LIFECYCLE_TRANSITION_INVALID`) and the signature checks are part of the\nasynchronous outcome. A paper contract must first be converted (`CONTRACT_NOT_CONVERTED`, Art. 9.2).\nSame limits and idempotency as `submitContract`.\n",
        "tags": [
          "contracts"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:write"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ContractId"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/PreferWait"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LifecycleSubmission"
              },
              "examples": {
                "default": {
                  "$ref": "#/components/examples/LifecycleSubmission"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The same package (provider reference and body) sent again without its first Idempotency-Key; the existing transaction's acknowledgement, no new transaction.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmissionAcknowledgement"
                },
                "example": {
                  "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "kind": "LIFECYCLE",
                  "receivedAt": "2026-03-02T08:15:30Z",
                  "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "providerReference": "HD-2026-000123-PL01",
                  "status": "RECEIVED",
                  "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "retryAfterSeconds": 2
                }
              }
            }
          },
          "201": {
            "$ref": "#/components/responses/SubmissionCompleted"
          },
          "202": {
            "description": "Received and queued; the outcome follows asynchronously (poll `Location`).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmissionAcknowledgement"
                },
                "example": {
                  "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "kind": "LIFECYCLE",
                  "receivedAt": "2026-03-02T08:15:30Z",
                  "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "providerReference": "HD-2026-000123-PL01",
                  "status": "RECEIVED",
                  "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "retryAfterSeconds": 2
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ContractNotFound"
          },
          "409": {
            "$ref": "#/components/responses/IdempotencyConflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/contracts/{contractId}/documents/{documentId}": {
      "get": {
        "operationId": "downloadDocument",
        "summary": "Download a stored document of a contract",
        "description": "The bytes of a contract document: signed PDFs, the certification evidence (CMS), the\ntransaction or conversion log (JSON) (DOMAIN.md S1.2). `ETag` and `Digest` carry its SHA-256,\nequal to `ContractDocument.sha256`; `If-None-Match` with that ETag answers `304`.\n",
        "tags": [
          "contracts"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ContractId"
          },
          {
            "$ref": "#/components/parameters/DocumentId"
          },
          {
            "name": "If-None-Match",
            "in": "header",
            "required": false,
            "description": "An ETag from an earlier download.",
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The document; the media type is the document's `mediaType`.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Digest": {
                "$ref": "#/components/headers/Digest"
              },
              "Content-Disposition": {
                "description": "`attachment` with the document's file name (RFC 6266).",
                "schema": {
                  "type": "string"
                },
                "example": "attachment; filename=\"HD-123-2026.pdf\""
              }
            },
            "content": {
              "application/pdf": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                },
                "example": "%PDF-1.7 ..."
              },
              "application/pkcs7-mime": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "application/json": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "304": {
            "description": "Not modified (the `If-None-Match` ETag matches).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/DocumentNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/transactions": {
      "get": {
        "operationId": "listTransactions",
        "summary": "List the provider's transactions",
        "description": "The provider's transaction history, newest first, with cursor pagination (DOMAIN.md T10, F35,\nN8 \"sync history\"): follow `nextCursor` until it is null or absent. Filters combine with AND;\n`receivedFrom` is inclusive, `receivedTo` exclusive. A provider sees only its own transactions.\n",
        "tags": [
          "transactions"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/TransactionStatus"
            }
          },
          {
            "name": "kind",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/TransactionKind"
            }
          },
          {
            "name": "failureClass",
            "in": "query",
            "required": false,
            "description": "Only FAILED transactions of this class (T10 format, business, file or signature errors).",
            "schema": {
              "$ref": "#/components/schemas/FailureClass"
            }
          },
          {
            "name": "receivedFrom",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "receivedTo",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "explanationStatus",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/ExplanationStatus"
            }
          },
          {
            "name": "replay",
            "in": "query",
            "required": false,
            "description": "Only duplicates (`true`, a document already registered, F9) or only the others (`false`).",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "$ref": "#/components/parameters/ProviderIdFilter"
          },
          {
            "name": "providerReference",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/ProviderReference"
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of transactions.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TransactionPage"
                },
                "example": {
                  "items": [
                    {
                      "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                      "kind": "CONTRACT",
                      "status": "SUCCEEDED",
                      "providerReference": "HD-2026-000123",
                      "contractId": "2604173920581648",
                      "receivedAt": "2026-03-02T08:15:30Z",
                      "completedAt": "2026-03-02T08:15:31Z",
                      "lastSignedAt": "2026-03-02T01:01:12Z",
                      "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                      "late": false,
                      "replay": false,
                      "errors": [],
                      "receipt": "eyJhbGciOiJFZERTQSIsImtpZCI6InBsYXRmb3JtLTIwMjYtMDEifQ.eyJvdXRjb21lIjoiSVNTVUVEIn0.c2lnbmF0dXJl"
                    },
                    {
                      "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                      "kind": "CONTRACT",
                      "status": "FAILED",
                      "failureClass": "SIGNATURE",
                      "providerReference": "HD-2026-000122",
                      "receivedAt": "2026-03-02T08:10:00Z",
                      "completedAt": "2026-03-02T08:10:02Z",
                      "payloadSha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                      "late": false,
                      "replay": false,
                      "errors": [
                        {
                          "code": "TIMESTAMP_MISSING",
                          "detail": "The employee's signature has no timestamp.",
                          "location": {
                            "document": "HD-122-2026.pdf",
                            "page": 3,
                            "field": "Signature2"
                          }
                        }
                      ]
                    }
                  ],
                  "nextCursor": "eyJyIjoiMjAyNi0wMy0wMlQwODoxMDowMFoifQ"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/transactions/by-reference/{providerReference}": {
      "get": {
        "operationId": "getTransactionByReference",
        "summary": "Get the latest transaction for a provider reference",
        "description": "Looks a transaction up by the provider's own reference, with no expiry (DOMAIN.md T10, S2.1):\nuseful when the acknowledgement was lost. When a reference was submitted several times (for\nexample resubmitted after a failure), the most recent transaction is returned; list them all\nwith `listTransactions?providerReference=`.\n",
        "tags": [
          "transactions"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ProviderReference"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The latest transaction with this reference.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Transaction"
                },
                "example": {
                  "transactionId": "0192f0c6-3c4d-7e5f-a061-7b8c9d0e1f2a",
                  "kind": "LIFECYCLE",
                  "lifecycleType": "AMENDMENT",
                  "targetContractId": "2604173920581648",
                  "contractId": "2604173920581648",
                  "status": "PROCESSING",
                  "providerReference": "HD-2026-000123-PL01",
                  "receivedAt": "2026-09-01T02:00:00Z",
                  "lastSignedAt": "2026-08-31T09:30:00Z",
                  "payloadSha256": "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9",
                  "late": false,
                  "replay": false,
                  "errors": [],
                  "retryAfterSeconds": 2
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/TransactionNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/transactions/{transactionId}": {
      "get": {
        "operationId": "getTransaction",
        "summary": "Get a transaction's status and outcome",
        "description": "Returns the status and outcome of a submission (DOMAIN.md T10, F7 \"query processing status\"):\nRECEIVED or PROCESSING (poll again after `retryAfterSeconds`), SUCCEEDED with the `contractId`\n(F9), or FAILED with its `failureClass` and the catalog `errors` (T9), plus the signed `receipt`\nand per-signature `signatures` results (N2). Providers see only their own transactions.\n",
        "tags": [
          "transactions"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/TransactionId"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The transaction.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Transaction"
                },
                "example": {
                  "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                  "kind": "CONTRACT",
                  "status": "SUCCEEDED",
                  "providerReference": "HD-2026-000123",
                  "contractId": "2604173920581648",
                  "receivedAt": "2026-03-02T08:15:30Z",
                  "completedAt": "2026-03-02T08:15:31Z",
                  "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "late": false,
                  "replay": false,
                  "errors": []
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/transactions/{transactionId}/repush": {
      "post": {
        "operationId": "repushTransaction",
        "summary": "Push an approved failed transaction again",
        "description": "Processes a FAILED transaction again from its stored submission, once an operator approved its\nexplanation (DOMAIN.md F36, F37): it goes back to RECEIVED with `explanationStatus` REPUSHED,\nand the time and the provider's client id are recorded on the explanation. Poll\n`getTransaction` for the new outcome; a new failure makes it AWAITING_EXPLANATION again. Any\nother transaction is refused with `REPUSH_NOT_APPROVED`; repeating a re-push that is under way\nor done answers `200` with the transaction. Another provider's transaction answers\n`TRANSACTION_NOT_FOUND`.\n",
        "tags": [
          "operations"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:write"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/TransactionId"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "Already pushed again; the transaction as it stands.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Transaction"
                },
                "example": {
                  "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                  "kind": "CONTRACT",
                  "status": "SUCCEEDED",
                  "explanationStatus": "REPUSHED",
                  "providerReference": "HD-2026-000122",
                  "contractId": "2604173920581648",
                  "receivedAt": "2026-03-02T08:10:00Z",
                  "completedAt": "2026-03-03T11:00:02Z",
                  "payloadSha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                  "late": false,
                  "replay": false,
                  "errors": []
                }
              }
            }
          },
          "202": {
            "description": "Queued for processing again.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Transaction"
                },
                "example": {
                  "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                  "kind": "CONTRACT",
                  "status": "RECEIVED",
                  "explanationStatus": "REPUSHED",
                  "providerReference": "HD-2026-000122",
                  "receivedAt": "2026-03-02T08:10:00Z",
                  "payloadSha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                  "late": false,
                  "replay": false,
                  "errors": [],
                  "retryAfterSeconds": 1
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/TransactionNotFound"
          },
          "409": {
            "$ref": "#/components/responses/RepushNotApproved"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/reconciliation": {
      "get": {
        "operationId": "getReconciliation",
        "summary": "Reconcile provider transactions for a period",
        "description": "The reconciliation report of DOMAIN.md F35: per provider, the transactions received in\n`[from, to)` (by `receivedAt`; both optional) and where they stand now: not yet processed\n(RECEIVED), processing, succeeded and failed, failures by catalog code, how many failed ones\nawait an explanation (F36), and the provider's logged API calls. `transactionsUrl` and\n`failedTransactionsUrl` drill down through `listTransactions`. A Ministry operator sees every\nprovider (or the one in `providerId`); a provider sees itself only, whatever it passes.\n",
        "tags": [
          "operations"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ProviderIdFilter"
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "description": "Start of the period, inclusive.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "description": "End of the period, exclusive; after `from`.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The reconciliation report.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Reconciliation"
                },
                "example": {
                  "from": "2026-03-01T00:00:00+07:00",
                  "to": "2026-04-01T00:00:00+07:00",
                  "generatedAt": "2026-04-01T01:00:00Z",
                  "providers": [
                    {
                      "providerId": "prov-econtract-demo",
                      "providerName": "Công ty eContract Demo",
                      "providerStatus": "ACTIVE",
                      "figures": {
                        "received": 120,
                        "notProcessed": 1,
                        "processing": 2,
                        "succeeded": 110,
                        "failed": 7,
                        "awaitingExplanation": 3,
                        "failuresByCode": [
                          {
                            "code": "SIGNATURE_PARTY_MISSING",
                            "count": 4
                          },
                          {
                            "code": "IDENTITY_NOT_FOUND",
                            "count": 3
                          }
                        ]
                      },
                      "apiCalls": 250,
                      "transactionsUrl": "/v1/transactions?providerId=prov-econtract-demo&receivedFrom=2026-02-28T17%3A00%3A00.000Z&receivedTo=2026-03-31T17%3A00%3A00.000Z",
                      "failedTransactionsUrl": "/v1/transactions?providerId=prov-econtract-demo&receivedFrom=2026-02-28T17%3A00%3A00.000Z&receivedTo=2026-03-31T17%3A00%3A00.000Z&status=FAILED"
                    }
                  ],
                  "totals": {
                    "received": 120,
                    "notProcessed": 1,
                    "processing": 2,
                    "succeeded": 110,
                    "failed": 7,
                    "awaitingExplanation": 3,
                    "failuresByCode": [
                      {
                        "code": "SIGNATURE_PARTY_MISSING",
                        "count": 4
                      },
                      {
                        "code": "IDENTITY_NOT_FOUND",
                        "count": 3
                      }
                    ]
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/explanations": {
      "get": {
        "operationId": "listExplanations",
        "summary": "List explanations of failed transactions",
        "description": "Explanations of failed transactions and their decisions, newest first, with cursor pagination\n(DOMAIN.md F36, F37). A Ministry operator sees every provider's (or those of `providerId`); a\nprovider sees its own only. Filter by `state` (e.g. PENDING: the operator's queue) or by a\ntransaction.\n",
        "tags": [
          "operations"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/ProviderIdFilter"
          },
          {
            "name": "state",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/ExplanationState"
            }
          },
          {
            "name": "transactionId",
            "in": "query",
            "required": false,
            "description": "Only explanations covering this transaction.",
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of explanations.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExplanationPage"
                },
                "example": {
                  "items": [
                    {
                      "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                      "providerId": "prov-econtract-demo",
                      "state": "PENDING",
                      "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                      "transactions": [
                        {
                          "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                          "providerReference": "HD-2026-000122"
                        }
                      ],
                      "attachments": [
                        {
                          "fileName": "registry-correction.pdf",
                          "mediaType": "application/pdf",
                          "size": 48213,
                          "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
                        }
                      ],
                      "submittedAt": "2026-03-03T09:00:00Z",
                      "submittedBy": "prov-econtract-demo"
                    }
                  ],
                  "nextCursor": null
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "post": {
        "operationId": "createExplanation",
        "summary": "Explain failed transactions",
        "description": "A provider explains one or many of its FAILED transactions so that they may be pushed again\n(DOMAIN.md F36): a text and optional small attachments. Each listed transaction must await an\nexplanation (`explanationStatus` AWAITING_EXPLANATION, or REJECTED before), otherwise the whole\nrequest is refused with `TRANSACTION_NOT_AWAITING_EXPLANATION`; another provider's transaction\nanswers `TRANSACTION_NOT_FOUND`. The explanation is PENDING until an operator decides\n(`decideExplanation`); its transactions become PENDING_APPROVAL.\n",
        "tags": [
          "operations"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:write"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ExplanationSubmission"
              },
              "examples": {
                "withAttachment": {
                  "summary": "One transaction, one attachment",
                  "value": {
                    "transactionIds": [
                      "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f"
                    ],
                    "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                    "attachments": [
                      {
                        "fileName": "registry-correction.pdf",
                        "mediaType": "application/pdf",
                        "contentBase64": "JVBERi0xLjcKJcfsj6IK"
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The same request repeated with its Idempotency-Key; the explanation already created.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Explanation"
                },
                "example": {
                  "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                  "providerId": "prov-econtract-demo",
                  "state": "PENDING",
                  "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                  "transactions": [
                    {
                      "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                      "providerReference": "HD-2026-000122"
                    }
                  ],
                  "attachments": [],
                  "submittedAt": "2026-03-03T09:00:00Z",
                  "submittedBy": "prov-econtract-demo"
                }
              }
            }
          },
          "201": {
            "description": "The explanation, PENDING.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Explanation"
                },
                "example": {
                  "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                  "providerId": "prov-econtract-demo",
                  "state": "PENDING",
                  "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                  "transactions": [
                    {
                      "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                      "providerReference": "HD-2026-000122"
                    }
                  ],
                  "attachments": [
                    {
                      "fileName": "registry-correction.pdf",
                      "mediaType": "application/pdf",
                      "size": 14,
                      "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
                    }
                  ],
                  "submittedAt": "2026-03-03T09:00:00Z",
                  "submittedBy": "prov-econtract-demo"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/TransactionNotFound"
          },
          "409": {
            "$ref": "#/components/responses/TransactionNotAwaitingExplanation"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/explanations/{explanationId}": {
      "get": {
        "operationId": "getExplanation",
        "summary": "Get an explanation with its attachments",
        "description": "One explanation, its transactions (with when and by whom each was pushed again), its decision\nand its attachments with their content (DOMAIN.md F36, F37). Another provider's explanation\nanswers `EXPLANATION_NOT_FOUND`; operators see every explanation.\n",
        "tags": [
          "operations"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ExplanationId"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The explanation.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Explanation"
                },
                "example": {
                  "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                  "providerId": "prov-econtract-demo",
                  "state": "APPROVED",
                  "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                  "transactions": [
                    {
                      "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                      "providerReference": "HD-2026-000122",
                      "repushedAt": "2026-03-03T11:00:00Z",
                      "repushedBy": "prov-econtract-demo"
                    }
                  ],
                  "attachments": [
                    {
                      "fileName": "note.txt",
                      "mediaType": "text/plain",
                      "size": 5,
                      "sha256": "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                      "contentBase64": "aGVsbG8="
                    }
                  ],
                  "submittedAt": "2026-03-03T09:00:00Z",
                  "submittedBy": "prov-econtract-demo",
                  "decidedAt": "2026-03-03T10:30:00Z",
                  "decidedBy": "moha-operator-01",
                  "decisionReason": "Registry correction confirmed."
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ExplanationNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/explanations/{explanationId}/decision": {
      "post": {
        "operationId": "decideExplanation",
        "summary": "Approve or reject an explanation (operator)",
        "description": "A Ministry operator approves or rejects a PENDING explanation with a reason (DOMAIN.md F37).\nApproved, its transactions become APPROVED and may be pushed again (`repushTransaction`);\nrejected, they become REJECTED and the provider may explain again. The decision is recorded\nwith the operator's id and the time. Repeating the same decision answers the explanation as\nit is; the opposite decision is refused with `EXPLANATION_ALREADY_DECIDED`. Providers get\n`FORBIDDEN`.\n",
        "tags": [
          "operations"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "operations"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ExplanationId"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ExplanationDecision"
              },
              "examples": {
                "approve": {
                  "summary": "Approve",
                  "value": {
                    "decision": "APPROVED",
                    "reason": "Registry correction confirmed."
                  }
                },
                "reject": {
                  "summary": "Reject",
                  "value": {
                    "decision": "REJECTED",
                    "reason": "The certificate was expired when signing; the contract must be signed again."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The explanation with its decision.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Explanation"
                },
                "example": {
                  "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                  "providerId": "prov-econtract-demo",
                  "state": "REJECTED",
                  "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                  "transactions": [
                    {
                      "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                      "providerReference": "HD-2026-000122"
                    }
                  ],
                  "attachments": [],
                  "submittedAt": "2026-03-03T09:00:00Z",
                  "submittedBy": "prov-econtract-demo",
                  "decidedAt": "2026-03-03T10:30:00Z",
                  "decidedBy": "moha-operator-01",
                  "decisionReason": "The certificate was expired when signing; the contract must be signed again."
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ExplanationNotFound"
          },
          "409": {
            "$ref": "#/components/responses/ExplanationAlreadyDecided"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/providers": {
      "get": {
        "operationId": "listProviders",
        "summary": "List registered providers (operator)",
        "description": "The provider registry for Ministry operators (DOMAIN.md N8, F12, S2.3): every provider with its\ncontact, connection status, capabilities and authentication methods, by name. Filter by\n`status`. Providers get `FORBIDDEN`; they read their own profile with `getProvider`.\n",
        "tags": [
          "providers"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "operations"
            ]
          }
        ],
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/ProviderStatus"
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The providers.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderList"
                },
                "example": {
                  "items": [
                    {
                      "providerId": "prov-econtract-demo",
                      "name": "Công ty eContract Demo",
                      "contactEmail": "ops@econtract-demo.invalid",
                      "status": "SUSPENDED",
                      "statusChangedAt": "2026-03-01T01:00:00Z",
                      "createdAt": "2026-01-10T02:00:00Z",
                      "capabilities": [
                        "CONTRACT",
                        "BATCH",
                        "LIFECYCLE",
                        "CONVERTED_PAPER"
                      ],
                      "authenticationMethods": [
                        "private_key_jwt"
                      ]
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/providers/{providerId}": {
      "get": {
        "operationId": "getProvider",
        "summary": "Get a provider's profile and status history",
        "description": "A provider's profile in the registry with its connection status history, oldest first, each\nchange with its reason, operator and time (DOMAIN.md N8, F12, S2.3). Operators read any\nprovider; a provider reads only itself (`PROVIDER_NOT_FOUND` otherwise).\n",
        "tags": [
          "providers"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ProviderId"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The provider.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Provider"
                },
                "example": {
                  "providerId": "prov-econtract-demo",
                  "name": "Công ty eContract Demo",
                  "contactEmail": "ops@econtract-demo.invalid",
                  "status": "ACTIVE",
                  "statusChangedAt": "2026-03-05T08:00:00Z",
                  "createdAt": "2026-01-10T02:00:00Z",
                  "capabilities": [
                    "CONTRACT",
                    "BATCH",
                    "LIFECYCLE",
                    "CONVERTED_PAPER"
                  ],
                  "authenticationMethods": [
                    "private_key_jwt"
                  ],
                  "statusHistory": [
                    {
                      "previousStatus": "ACTIVE",
                      "status": "SUSPENDED",
                      "reason": "Failure rate above 20% in February 2026.",
                      "changedBy": "moha-operator-01",
                      "changedAt": "2026-03-01T01:00:00Z"
                    },
                    {
                      "previousStatus": "SUSPENDED",
                      "status": "ACTIVE",
                      "reason": "Explanations received and approved.",
                      "changedBy": "moha-operator-01",
                      "changedAt": "2026-03-05T08:00:00Z"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ProviderNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/providers/{providerId}/status": {
      "post": {
        "operationId": "changeProviderStatus",
        "summary": "Suspend, restore or disconnect a provider (operator)",
        "description": "A Ministry operator changes a provider's connection status with a reason (DOMAIN.md N8, F12;\nDecree 337/2025 Art. 15.4): ACTIVE → SUSPENDED or DISCONNECTED, SUSPENDED → ACTIVE (restored)\nor DISCONNECTED; DISCONNECTED is final (`PROVIDER_STATUS_TRANSITION_INVALID`). The change is\nkept in the provider's history with the operator and the time. From then on (within a few\nseconds on every server) a SUSPENDED provider's calls are refused with `PROVIDER_SUSPENDED`\nand a DISCONNECTED one's with `PROVIDER_DISCONNECTED`, tokens included. Asking for the current\nstatus changes nothing. Providers get `FORBIDDEN`.\n",
        "tags": [
          "providers"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "operations"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ProviderId"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ProviderStatusUpdate"
              },
              "examples": {
                "suspend": {
                  "summary": "Suspend",
                  "value": {
                    "status": "SUSPENDED",
                    "reason": "Failure rate above 20% in February 2026 and 14 failed transactions left unexplained."
                  }
                },
                "restore": {
                  "summary": "Restore",
                  "value": {
                    "status": "ACTIVE",
                    "reason": "Explanations received and approved."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The provider after the change, with its history.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Provider"
                },
                "example": {
                  "providerId": "prov-econtract-demo",
                  "name": "Công ty eContract Demo",
                  "contactEmail": "ops@econtract-demo.invalid",
                  "status": "SUSPENDED",
                  "statusChangedAt": "2026-03-01T01:00:00Z",
                  "createdAt": "2026-01-10T02:00:00Z",
                  "capabilities": [
                    "CONTRACT",
                    "BATCH",
                    "LIFECYCLE",
                    "CONVERTED_PAPER"
                  ],
                  "authenticationMethods": [
                    "private_key_jwt"
                  ],
                  "statusHistory": [
                    {
                      "previousStatus": "ACTIVE",
                      "status": "SUSPENDED",
                      "reason": "Failure rate above 20% in February 2026 and 14 failed transactions left unexplained.",
                      "changedBy": "moha-operator-01",
                      "changedAt": "2026-03-01T01:00:00Z"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ProviderNotFound"
          },
          "409": {
            "$ref": "#/components/responses/ProviderStatusTransitionInvalid"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/providers/{providerId}/technical-info": {
      "put": {
        "operationId": "updateProviderTechnicalInfo",
        "summary": "Set a provider's callback URL and IP allow-list (operator)",
        "description": "A Ministry operator records a provider's technical information (DOMAIN.md N8 \"technical info:\nkey/certificate, callback, IP allow-list\", S2.3): the HTTPS callback URL receiving signed\ntransaction results (F4; http is accepted in the sandbox only) and the CIDRs its calls must\ncome from. Both are replaced. From then on (within a few seconds on every server) calls and\ntoken requests from other addresses are refused with `IP_NOT_ALLOWED`. A malformed CIDR or URL\nis refused with `REQUEST_INVALID` and changes nothing. Providers get `FORBIDDEN`.\n",
        "tags": [
          "providers"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "operations"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ProviderId"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ProviderTechnicalInfo"
              },
              "examples": {
                "callbackAndAllowList": {
                  "summary": "Callback URL and two networks",
                  "value": {
                    "callbackUrl": "https://econtract-demo.invalid/hooks/hdld",
                    "ipAllowList": [
                      "203.0.113.0/24",
                      "2001:db8:1::/48"
                    ]
                  }
                },
                "anyAddress": {
                  "summary": "No callback, any address",
                  "value": {
                    "callbackUrl": null,
                    "ipAllowList": []
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The provider with its new technical info.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Provider"
                },
                "example": {
                  "providerId": "prov-econtract-demo",
                  "name": "Công ty eContract Demo",
                  "contactEmail": "ops@econtract-demo.invalid",
                  "status": "ACTIVE",
                  "createdAt": "2026-01-10T02:00:00Z",
                  "capabilities": [
                    "CONTRACT",
                    "BATCH",
                    "LIFECYCLE",
                    "CONVERTED_PAPER"
                  ],
                  "authenticationMethods": [
                    "private_key_jwt"
                  ],
                  "callbackUrl": "https://econtract-demo.invalid/hooks/hdld",
                  "ipAllowList": [
                    "203.0.113.0/24",
                    "2001:db8:1::/48"
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ProviderNotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/providers/{providerId}/webhook-secret": {
      "post": {
        "operationId": "rotateWebhookSecret",
        "summary": "Make a new webhook secret",
        "description": "Makes a new secret for signing the provider's webhooks (DOMAIN.md F4) and returns it this\nonce; the Platform keeps it sealed and never shows it again. It replaces the previous secret at\nonce: deliveries still waiting are signed with the new one. Webhooks are sent only to a\nprovider with both a callback URL and a secret. A Ministry operator may make one for any\nprovider, a provider for itself (`PROVIDER_NOT_FOUND` for another one). Each call makes a new\nsecret: an Idempotency-Key is accepted but a secret is never replayed.\n",
        "tags": [
          "providers"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:write"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ProviderId"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The new secret, shown this once.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookSecret"
                },
                "example": {
                  "secret": "whsec_3q2-7wD4xJxv8cH0l9QmC1n5y0bT6rKfE2aGzUoPq8s",
                  "createdAt": "2026-03-05T08:00:00Z"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ProviderNotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/public/providers": {
      "get": {
        "operationId": "listPublicProviders",
        "summary": "Public list of connected providers",
        "description": "The providers currently connected to the Platform (status ACTIVE), name and integration\ncapabilities only, for the public pages (DOMAIN.md F30, N14). No authentication.\n",
        "tags": [
          "providers"
        ],
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The connected providers, by name.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PublicProviderList"
                },
                "example": {
                  "items": [
                    {
                      "name": "Công ty eContract Demo",
                      "capabilities": [
                        "CONTRACT",
                        "BATCH",
                        "LIFECYCLE",
                        "CONVERTED_PAPER"
                      ]
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/v1/notifications": {
      "get": {
        "operationId": "listNotifications",
        "summary": "List notifications sent to providers",
        "description": "The e-mails (connection suspended, restored or terminated: DOMAIN.md F39, Decree 337/2025\nArt. 15.4; explanation approved or rejected: F37) and webhooks (transaction results: F4) the\nPlatform sends providers, with their delivery status, newest first, with cursor pagination\n(T14). Each is recorded in the same database transaction as its event and delivered from a\ndurable outbox: at least once, with a Message-ID (or Hdld-Webhook-Id) that stays the same on\nevery retry; a message whose event committed is never lost. Without an SMTP server configured\ne-mails stay PENDING here. A Ministry operator sees every provider's (or those of\n`providerId`); a provider sees its own only.\n",
        "tags": [
          "notifications"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/ProviderIdFilter"
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/NotificationStatus"
            }
          },
          {
            "name": "channel",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/NotificationChannel"
            }
          },
          {
            "name": "kind",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/NotificationKind"
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of notifications.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/NotificationPage"
                },
                "example": {
                  "items": [
                    {
                      "notificationId": "0192f0e1-7a8b-7c9d-8e0f-1a2b3c4d5e6f",
                      "providerId": "prov-econtract-demo",
                      "channel": "EMAIL",
                      "kind": "PROVIDER_RESTORED",
                      "recipient": "ops@econtract-demo.invalid",
                      "subject": "[Nền tảng HĐLĐ điện tử] Thông báo khôi phục kết nối / Connection restored",
                      "text": "THÔNG BÁO KHÔI PHỤC KẾT NỐI\n\nKính gửi Công ty eContract Demo (mã nhà cung cấp: prov-econtract-demo), ...",
                      "status": "PENDING",
                      "attempts": 2,
                      "createdAt": "2026-03-05T08:00:00Z",
                      "nextAttemptAt": "2026-03-05T08:01:30Z",
                      "lastError": "SMTP delivery failed (ESOCKET)",
                      "messageId": "<0192f0e1-7a8b-7c9d-8e0f-1a2b3c4d5e6f@hdld.invalid>"
                    },
                    {
                      "notificationId": "0192f0e0-1a2b-7c3d-9e4f-5a6b7c8d9e0f",
                      "providerId": "prov-econtract-demo",
                      "channel": "WEBHOOK",
                      "kind": "TRANSACTION_COMPLETED",
                      "recipient": "https://econtract-demo.invalid/hooks/hdld",
                      "text": "{\"event\":\"transaction.completed\",\"transactionId\":\"0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e\",\"providerReference\":\"HD-2026-000123\",\"status\":\"SUCCEEDED\",\"contractId\":\"2604173920581648\",\"occurredAt\":\"2026-03-02T08:15:31.000Z\"}",
                      "status": "SENT",
                      "attempts": 1,
                      "createdAt": "2026-03-02T08:15:31Z",
                      "sentAt": "2026-03-02T08:15:32Z",
                      "messageId": "0192f0e0-1a2b-7c3d-9e4f-5a6b7c8d9e0f"
                    }
                  ],
                  "nextCursor": null
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/provider-reports": {
      "get": {
        "operationId": "listProviderReports",
        "summary": "List monthly reports of providers",
        "description": "Providers' monthly reports on their eContract service (DOMAIN.md F33; Decree 337/2025 Art.\n25.6), the latest version of each, newest first, with cursor pagination. A Ministry operator\nsees every provider's (filter by `providerId`, `period`, `timeliness`); a provider sees its own\nonly, whatever it passes. Reports never sent are not listed: `getProviderReportTracking`\nshows who is MISSING.\n",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/ProviderIdFilter"
          },
          {
            "$ref": "#/components/parameters/PeriodFilter"
          },
          {
            "name": "timeliness",
            "in": "query",
            "required": false,
            "description": "Only reports first sent before (ON_TIME) or at or after (LATE) their deadline.",
            "schema": {
              "type": "string",
              "enum": [
                "ON_TIME",
                "LATE"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of monthly reports.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderReportPage"
                },
                "example": {
                  "items": [
                    {
                      "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                      "providerId": "prov-econtract-demo",
                      "period": "2026-01",
                      "version": 2,
                      "latestVersion": 2,
                      "timeliness": "ON_TIME",
                      "deadline": "2026-02-28T17:00:00Z",
                      "firstSubmittedAt": "2026-02-10T03:00:00Z",
                      "submittedAt": "2026-02-12T08:30:00Z",
                      "submittedBy": "prov-econtract-demo",
                      "figures": {
                        "contractsHandled": 1250,
                        "contractsSigned": 1181,
                        "contractsSubmitted": 1176,
                        "incidents": 1
                      },
                      "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover). Signed count corrected.",
                      "technicalAudit": {
                        "auditor": "Công ty Kiểm định An toàn Thông tin ABC",
                        "auditedOn": "2026-01-20",
                        "result": "PASSED",
                        "attachment": {
                          "fileName": "audit-2026.pdf",
                          "mediaType": "application/pdf",
                          "size": 182044,
                          "sha256": "8f4e1a3b0f1c2e6d3f9b7a5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e"
                        }
                      }
                    }
                  ],
                  "nextCursor": null
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "post": {
        "operationId": "submitProviderReport",
        "summary": "Send the monthly report on the eContract service",
        "description": "A provider sends its monthly report on its eContract service through the Platform (Decree\n337/2025 Art. 25.6; DOMAIN.md F33): the month's figures, a free text and, optionally, the\nresult of a technical audit of its data message certification service with the audit report\n(PDF, at most 10 MiB, with its SHA-256). The month must have ended; the report is due before\nthe 30th of the next month (00:00 on the 30th, Vietnam time, exclusive; 00:00 on 1 March when\nthat month is February). Sent later it is accepted and marked LATE.\n\nOne report per provider and month: the same content sent again answers `200` with the report\nas stored (a retry); other content is refused with `PROVIDER_REPORT_CONFLICT` unless\n`replacesVersion` names the latest version, which makes a new version (`201`) and keeps the\nearlier ones. Timeliness stays that of the first version. Operators get `FORBIDDEN`.\n",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:write"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ProviderReportSubmission"
              },
              "examples": {
                "monthly": {
                  "summary": "A monthly report",
                  "value": {
                    "period": "2026-01",
                    "figures": {
                      "contractsHandled": 1250,
                      "contractsSigned": 1180,
                      "contractsSubmitted": 1176,
                      "incidents": 1
                    },
                    "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
                  }
                },
                "correction": {
                  "summary": "A correction of version 1, with an audit result",
                  "value": {
                    "period": "2026-01",
                    "replacesVersion": 1,
                    "figures": {
                      "contractsHandled": 1250,
                      "contractsSigned": 1181,
                      "contractsSubmitted": 1176,
                      "incidents": 1
                    },
                    "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover). Signed count corrected.",
                    "technicalAudit": {
                      "auditor": "Công ty Kiểm định An toàn Thông tin ABC",
                      "auditedOn": "2026-01-20",
                      "result": "PASSED",
                      "attachment": {
                        "fileName": "audit-2026.pdf",
                        "mediaType": "application/pdf",
                        "sha256": "8f4e1a3b0f1c2e6d3f9b7a5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e",
                        "contentBase64": "JVBERi0xLjcKJcfsj6IK"
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The same content was already sent (or the same request repeated with its Idempotency-Key); the report as stored.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderReport"
                },
                "example": {
                  "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                  "providerId": "prov-econtract-demo",
                  "period": "2026-01",
                  "version": 1,
                  "latestVersion": 1,
                  "timeliness": "ON_TIME",
                  "deadline": "2026-02-28T17:00:00Z",
                  "firstSubmittedAt": "2026-02-10T03:00:00Z",
                  "submittedAt": "2026-02-10T03:00:00Z",
                  "submittedBy": "prov-econtract-demo",
                  "figures": {
                    "contractsHandled": 1250,
                    "contractsSigned": 1180,
                    "contractsSubmitted": 1176,
                    "incidents": 1
                  },
                  "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
                }
              }
            }
          },
          "201": {
            "description": "The report (or its new version) as stored.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderReport"
                },
                "example": {
                  "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                  "providerId": "prov-econtract-demo",
                  "period": "2026-01",
                  "version": 1,
                  "latestVersion": 1,
                  "timeliness": "ON_TIME",
                  "deadline": "2026-02-28T17:00:00Z",
                  "firstSubmittedAt": "2026-02-10T03:00:00Z",
                  "submittedAt": "2026-02-10T03:00:00Z",
                  "submittedBy": "prov-econtract-demo",
                  "figures": {
                    "contractsHandled": 1250,
                    "contractsSigned": 1180,
                    "contractsSubmitted": 1176,
                    "incidents": 1
                  },
                  "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/ProviderReportConflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AttachmentDigestMismatch"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/provider-reports/tracking": {
      "get": {
        "operationId": "getProviderReportTracking",
        "summary": "Track who sent the monthly report on a month",
        "description": "For one month, every provider that owes the monthly report on it (registered before the month\nended, not disconnected before it began) and where its report stands on the Platform's clock\n(DOMAIN.md F33; Decree 337/2025 Art. 25.6): ON_TIME, LATE, MISSING (deadline passed, none\nsent) or DUE. Filter by `providerId` and `timeliness`. A provider sees its own line only.\n",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "name": "period",
            "in": "query",
            "required": true,
            "description": "The month reported on (`YYYY-MM`, Vietnam time).",
            "schema": {
              "$ref": "#/components/schemas/ReportingPeriod"
            }
          },
          {
            "$ref": "#/components/parameters/ProviderIdFilter"
          },
          {
            "name": "timeliness",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/ReportTimeliness"
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The month's tracking.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderReportTracking"
                },
                "example": {
                  "period": "2026-01",
                  "deadline": "2026-02-28T17:00:00Z",
                  "evaluatedAt": "2026-03-01T02:00:00Z",
                  "items": [
                    {
                      "providerId": "prov-econtract-demo",
                      "providerName": "Công ty eContract Demo",
                      "timeliness": "ON_TIME",
                      "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                      "latestVersion": 2,
                      "firstSubmittedAt": "2026-02-10T03:00:00Z"
                    },
                    {
                      "providerId": "prov-other",
                      "providerName": "Công ty Hợp đồng Số",
                      "timeliness": "MISSING"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/provider-reports/{reportId}": {
      "get": {
        "operationId": "getProviderReport",
        "summary": "Get a monthly report with its audit file",
        "description": "One version of a provider's monthly report (DOMAIN.md F33), with the technical audit report's\ncontent. `latestVersion` tells whether it was corrected since. Another provider's report\nanswers `PROVIDER_REPORT_NOT_FOUND`; operators see every report.\n",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ProviderReportId"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The report.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderReport"
                },
                "example": {
                  "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                  "providerId": "prov-econtract-demo",
                  "period": "2026-01",
                  "version": 1,
                  "latestVersion": 2,
                  "timeliness": "ON_TIME",
                  "deadline": "2026-02-28T17:00:00Z",
                  "firstSubmittedAt": "2026-02-10T03:00:00Z",
                  "submittedAt": "2026-02-10T03:00:00Z",
                  "submittedBy": "prov-econtract-demo",
                  "figures": {
                    "contractsHandled": 1250,
                    "contractsSigned": 1180,
                    "contractsSubmitted": 1176,
                    "incidents": 1
                  },
                  "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover).",
                  "technicalAudit": {
                    "auditor": "Công ty Kiểm định An toàn Thông tin ABC",
                    "auditedOn": "2026-01-20",
                    "result": "PASSED",
                    "attachment": {
                      "fileName": "audit.pdf",
                      "mediaType": "application/pdf",
                      "size": 14,
                      "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                      "contentBase64": "JVBERi0xLjcKJcfsj6IK"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ProviderReportNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/violation-reports": {
      "get": {
        "operationId": "listViolationReports",
        "summary": "List monthly violations reports",
        "description": "The monthly reports of violating providers (DOMAIN.md F38), every version, newest first, with\ncursor pagination; filter by `period`. A Ministry operator sees every line (or those of\n`providerId`); a provider sees its own line only (none when it broke no rule), whatever it\npasses.\n",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/PeriodFilter"
          },
          {
            "$ref": "#/components/parameters/ProviderIdFilter"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of violations reports.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ViolationReportPage"
                },
                "example": {
                  "items": [
                    {
                      "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                      "period": "2026-02",
                      "version": 1,
                      "latestVersion": 1,
                      "timeZone": "Asia/Ho_Chi_Minh",
                      "periodStart": "2026-01-31T17:00:00Z",
                      "periodEnd": "2026-02-28T17:00:00Z",
                      "generatedAt": "2026-02-28T17:00:02Z",
                      "generatedBy": "scheduler",
                      "thresholds": {
                        "failureRatePercent": 20,
                        "minimumVolume": 20,
                        "unexplainedAfterDays": 7,
                        "lateSubmissions": 1
                      },
                      "providersEvaluated": 12,
                      "lines": [
                        {
                          "providerId": "prov-econtract-demo",
                          "providerName": "Công ty eContract Demo",
                          "providerStatus": "ACTIVE",
                          "figures": {
                            "decided": 40,
                            "failed": 14,
                            "failureRatePercent": 35,
                            "lateSubmissions": 0,
                            "unexplainedFailures": 6,
                            "monthlyReport": {
                              "period": "2026-01",
                              "timeliness": "MISSING"
                            }
                          },
                          "violations": [
                            {
                              "rule": "FAILURE_RATE",
                              "failed": 14,
                              "decided": 40,
                              "detail": "14 of 40 decided transactions failed (35%), above 20%."
                            },
                            {
                              "rule": "UNEXPLAINED_FAILURES",
                              "count": 6,
                              "detail": "6 failed transactions were still unexplained 7 days after they failed."
                            },
                            {
                              "rule": "MONTHLY_REPORT_MISSING",
                              "period": "2026-01",
                              "detail": "The monthly report on 2026-01 was not sent before its deadline."
                            }
                          ],
                          "actions": []
                        }
                      ]
                    }
                  ],
                  "nextCursor": null
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "post": {
        "operationId": "generateViolationReport",
        "summary": "Make the violations report on a month (operator)",
        "description": "The Platform makes the report of violating providers on each month by itself on the 1st of the\nnext month, 00:00 Vietnam time (Asia/Ho_Chi_Minh, UTC+7) (DOMAIN.md F38); this operation lets\na Ministry operator ask for it on demand, for a month that has ended (default: the month\nbefore the current one). When the month has a report, it is returned as it is (`200`) unless\n`regenerate` is true, which makes a new version from today's data with the current thresholds\n(`201`) and keeps the earlier ones. Concurrent requests for the same month make one report.\nEach provider connected during the month is checked against the rules (`ViolationRule`) with\nthe thresholds recorded in the report. Providers get `FORBIDDEN`.\n",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "operations"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ViolationReportRequest"
              },
              "examples": {
                "lastMonth": {
                  "summary": "The month before the current one",
                  "value": {}
                },
                "regenerate": {
                  "summary": "A new version for February 2026",
                  "value": {
                    "period": "2026-02",
                    "regenerate": true
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The month's report as it exists (latest version).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ViolationReport"
                },
                "example": {
                  "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                  "period": "2026-02",
                  "version": 1,
                  "latestVersion": 1,
                  "timeZone": "Asia/Ho_Chi_Minh",
                  "periodStart": "2026-01-31T17:00:00Z",
                  "periodEnd": "2026-02-28T17:00:00Z",
                  "generatedAt": "2026-02-28T17:00:02Z",
                  "generatedBy": "scheduler",
                  "thresholds": {
                    "failureRatePercent": 20,
                    "minimumVolume": 20,
                    "unexplainedAfterDays": 7,
                    "lateSubmissions": 1
                  },
                  "providersEvaluated": 12,
                  "lines": [
                    {
                      "providerId": "prov-econtract-demo",
                      "providerName": "Công ty eContract Demo",
                      "providerStatus": "ACTIVE",
                      "figures": {
                        "decided": 40,
                        "failed": 14,
                        "failureRatePercent": 35,
                        "lateSubmissions": 0,
                        "unexplainedFailures": 6,
                        "monthlyReport": {
                          "period": "2026-01",
                          "timeliness": "MISSING"
                        }
                      },
                      "violations": [
                        {
                          "rule": "FAILURE_RATE",
                          "failed": 14,
                          "decided": 40,
                          "detail": "14 of 40 decided transactions failed (35%), above 20%."
                        },
                        {
                          "rule": "UNEXPLAINED_FAILURES",
                          "count": 6,
                          "detail": "6 failed transactions were still unexplained 7 days after they failed."
                        },
                        {
                          "rule": "MONTHLY_REPORT_MISSING",
                          "period": "2026-01",
                          "detail": "The monthly report on 2026-01 was not sent before its deadline."
                        }
                      ],
                      "actions": []
                    }
                  ]
                }
              }
            }
          },
          "201": {
            "description": "The report just made.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ViolationReport"
                },
                "example": {
                  "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                  "period": "2026-02",
                  "version": 1,
                  "latestVersion": 1,
                  "timeZone": "Asia/Ho_Chi_Minh",
                  "periodStart": "2026-01-31T17:00:00Z",
                  "periodEnd": "2026-02-28T17:00:00Z",
                  "generatedAt": "2026-02-28T17:00:02Z",
                  "generatedBy": "scheduler",
                  "thresholds": {
                    "failureRatePercent": 20,
                    "minimumVolume": 20,
                    "unexplainedAfterDays": 7,
                    "lateSubmissions": 1
                  },
                  "providersEvaluated": 12,
                  "lines": [
                    {
                      "providerId": "prov-econtract-demo",
                      "providerName": "Công ty eContract Demo",
                      "providerStatus": "ACTIVE",
                      "figures": {
                        "decided": 40,
                        "failed": 14,
                        "failureRatePercent": 35,
                        "lateSubmissions": 0,
                        "unexplainedFailures": 6,
                        "monthlyReport": {
                          "period": "2026-01",
                          "timeliness": "MISSING"
                        }
                      },
                      "violations": [
                        {
                          "rule": "FAILURE_RATE",
                          "failed": 14,
                          "decided": 40,
                          "detail": "14 of 40 decided transactions failed (35%), above 20%."
                        },
                        {
                          "rule": "UNEXPLAINED_FAILURES",
                          "count": 6,
                          "detail": "6 failed transactions were still unexplained 7 days after they failed."
                        },
                        {
                          "rule": "MONTHLY_REPORT_MISSING",
                          "period": "2026-01",
                          "detail": "The monthly report on 2026-01 was not sent before its deadline."
                        }
                      ],
                      "actions": []
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/ReportingPeriodNotEnded"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/violation-reports/{reportId}": {
      "get": {
        "operationId": "getViolationReport",
        "summary": "Get a violations report",
        "description": "One version of a monthly violations report (DOMAIN.md F38) with its thresholds, and per\nviolating provider the month's figures, the rules broken and what operators did about it.\n`latestVersion` tells whether it was made again since. A provider sees its own line only.\n",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "contracts:read"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ViolationReportId"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The report.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ViolationReport"
                },
                "example": {
                  "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                  "period": "2026-02",
                  "version": 1,
                  "latestVersion": 1,
                  "timeZone": "Asia/Ho_Chi_Minh",
                  "periodStart": "2026-01-31T17:00:00Z",
                  "periodEnd": "2026-02-28T17:00:00Z",
                  "generatedAt": "2026-02-28T17:00:02Z",
                  "generatedBy": "scheduler",
                  "thresholds": {
                    "failureRatePercent": 20,
                    "minimumVolume": 20,
                    "unexplainedAfterDays": 7,
                    "lateSubmissions": 1
                  },
                  "providersEvaluated": 12,
                  "lines": [
                    {
                      "providerId": "prov-econtract-demo",
                      "providerName": "Công ty eContract Demo",
                      "providerStatus": "ACTIVE",
                      "figures": {
                        "decided": 40,
                        "failed": 14,
                        "failureRatePercent": 35,
                        "lateSubmissions": 0,
                        "unexplainedFailures": 6,
                        "monthlyReport": {
                          "period": "2026-01",
                          "timeliness": "MISSING"
                        }
                      },
                      "violations": [
                        {
                          "rule": "FAILURE_RATE",
                          "failed": 14,
                          "decided": 40,
                          "detail": "14 of 40 decided transactions failed (35%), above 20%."
                        },
                        {
                          "rule": "UNEXPLAINED_FAILURES",
                          "count": 6,
                          "detail": "6 failed transactions were still unexplained 7 days after they failed."
                        },
                        {
                          "rule": "MONTHLY_REPORT_MISSING",
                          "period": "2026-01",
                          "detail": "The monthly report on 2026-01 was not sent before its deadline."
                        }
                      ],
                      "actions": []
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ViolationReportNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/violation-reports/{reportId}/providers/{providerId}/action": {
      "post": {
        "operationId": "actOnViolation",
        "summary": "Suspend or disconnect a provider from the report (operator)",
        "description": "From a violations report, a Ministry operator suspends or disconnects one of its providers with\na reason (DOMAIN.md F38; Decree 337/2025 Art. 15.4). This is the same change as\n`changeProviderStatus`: it is kept in the provider's status history, the provider is notified\n(F39) and its calls are refused from then on (`PROVIDER_SUSPENDED`, `PROVIDER_DISCONNECTED`).\nThe step is also recorded on the report's line with the operator and the time. Repeating it\nchanges nothing; a disconnected provider cannot be suspended\n(`PROVIDER_STATUS_TRANSITION_INVALID`). Providers get `FORBIDDEN`.\n",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "operations"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ViolationReportId"
          },
          {
            "$ref": "#/components/parameters/ProviderId"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ViolationActionRequest"
              },
              "examples": {
                "suspend": {
                  "summary": "Suspend",
                  "value": {
                    "status": "SUSPENDED",
                    "reason": "Violations report 2026-02 - failure rate 35% and 6 failed transactions left unexplained."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The report's line with the step recorded.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ViolationLine"
                },
                "example": {
                  "providerId": "prov-econtract-demo",
                  "providerName": "Công ty eContract Demo",
                  "providerStatus": "ACTIVE",
                  "figures": {
                    "decided": 40,
                    "failed": 14,
                    "failureRatePercent": 35,
                    "lateSubmissions": 0,
                    "unexplainedFailures": 6,
                    "monthlyReport": {
                      "period": "2026-01",
                      "timeliness": "ON_TIME"
                    }
                  },
                  "violations": [
                    {
                      "rule": "FAILURE_RATE",
                      "failed": 14,
                      "decided": 40,
                      "detail": "14 of 40 decided transactions failed (35%), above 20%."
                    },
                    {
                      "rule": "UNEXPLAINED_FAILURES",
                      "count": 6,
                      "detail": "6 failed transactions were still unexplained 7 days after they failed."
                    }
                  ],
                  "actions": [
                    {
                      "status": "SUSPENDED",
                      "reason": "Violations report 2026-02 - failure rate 35% and 6 failed transactions left unexplained.",
                      "takenBy": "moha-operator-01",
                      "takenAt": "2026-03-02T02:00:00Z"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ViolationReportNotFound"
          },
          "409": {
            "$ref": "#/components/responses/ProviderStatusTransitionInvalid"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/sandbox/clock": {
      "get": {
        "operationId": "getSandboxClock",
        "summary": "Read the sandbox clock",
        "description": "The sandbox Platform's current time and its offset from real time (DOMAIN.md S2.4 \"test\nenvironment\"). Refused with `SANDBOX_ONLY` outside sandbox mode.\n",
        "tags": [
          "sandbox"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "sandbox"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The sandbox clock.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SandboxClock"
                },
                "example": {
                  "now": "2026-03-02T08:15:30Z",
                  "offsetSeconds": 0
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/SandboxOnly"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "advanceSandboxClock",
        "summary": "Move the sandbox clock",
        "description": "Moves the sandbox Platform's clock forward (`advanceSeconds`) or sets its offset from real time\n(`offsetSeconds`; 0 resets it), to test the 24-hour rule (`SUBMISSION_LATE`), certificate\nexpiry and polling (DOMAIN.md S2.4 \"test environment\"). Refused with `SANDBOX_ONLY` outside\nsandbox mode.\n",
        "tags": [
          "sandbox"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "sandbox"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SandboxClockChange"
              },
              "examples": {
                "advance": {
                  "summary": "Advance by 25 hours",
                  "value": {
                    "advanceSeconds": 90000
                  }
                },
                "reset": {
                  "summary": "Back to real time",
                  "value": {
                    "offsetSeconds": 0
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The clock after the change.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SandboxClock"
                },
                "example": {
                  "now": "2026-03-03T09:15:30Z",
                  "offsetSeconds": 90000
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/SandboxOnly"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/v1/sandbox/identities": {
      "post": {
        "operationId": "registerSandboxIdentities",
        "summary": "Register test persons and enterprises in the sandbox identity registries",
        "description": "The sandbox checks every employee's identity against a local stand-in for the National\nPopulation Database (DOMAIN.md \"CSDL dân cư\") and every employer's tax code against a local\nstand-in for the National Business Registration Portal (F8 identity check). Integrators register\nthe test persons and enterprises their contracts name here; registering a number or tax code\nagain replaces its record. The sample employers of `sampleContractMainData` are registered\nwhen the sandbox starts. Refused\nwith `SANDBOX_ONLY` outside sandbox mode (DOMAIN.md S2.4 \"test environment\").\n",
        "tags": [
          "sandbox"
        ],
        "security": [
          {
            "providerToken": []
          },
          {
            "oauth2": [
              "sandbox"
            ]
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SandboxIdentityRegistration"
              },
              "example": {
                "identities": [
                  {
                    "identityNumber": "001190012345",
                    "fullName": "Nguyễn Thị Hương",
                    "dateOfBirth": "1990-05-17",
                    "sex": "FEMALE"
                  }
                ],
                "enterprises": [
                  {
                    "taxCode": "0109876543",
                    "name": "Công ty Cổ phần Phần mềm Sông Hồng",
                    "address": "Tầng 12, tòa nhà Hà Thành, số 102 phố Thái Thịnh, phường Đống Đa, thành phố Hà Nội",
                    "status": "ACTIVE"
                  }
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "How many records (persons and enterprises) were registered or replaced.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SandboxIdentityRegistrationResult"
                },
                "example": {
                  "registered": 2
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/SandboxOnly"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/.well-known/jwks.json": {
      "get": {
        "operationId": "getPlatformKeys",
        "summary": "The Platform's public keys for receipts (JWKS)",
        "description": "JSON Web Key Set of the keys that sign transaction receipts (`Transaction.receipt`, a compact\nJWS whose payload is a `Receipt`), so that providers and third parties can verify an outcome\noffline (DOMAIN.md F9, S2.2). Cacheable; refetch on an unknown `kid`.\n",
        "tags": [
          "auth"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "The key set.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Cache-Control": {
                "description": "Caching policy, for example `public, max-age=3600`.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PlatformKeys"
                },
                "example": {
                  "keys": [
                    {
                      "kty": "OKP",
                      "crv": "Ed25519",
                      "kid": "platform-2026-01",
                      "use": "sig",
                      "alg": "EdDSA",
                      "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
                    }
                  ]
                }
              }
            }
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/health": {
      "get": {
        "operationId": "getHealth",
        "summary": "Liveness probe",
        "tags": [
          "health"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "The process is alive.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                },
                "example": {
                  "status": "ok"
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/ready": {
      "get": {
        "operationId": "getReadiness",
        "summary": "Readiness probe (database and blob store reachable)",
        "tags": [
          "health"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "Ready to serve.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                },
                "example": {
                  "status": "ok",
                  "checks": {
                    "database": "ok",
                    "blobs": "ok"
                  }
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "description": "Not ready.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                },
                "example": {
                  "status": "unavailable",
                  "checks": {
                    "database": "unavailable",
                    "blobs": "ok"
                  }
                }
              }
            }
          }
        }
      }
    }
  },
  "webhooks": {
    "transactionCompleted": {
      "post": {
        "operationId": "transactionCompleted",
        "summary": "A transaction reached its final state (sent by the Platform)",
        "description": "Posted by the Platform to the provider's callback URL (`updateProviderTechnicalInfo`) when one\nof its transactions becomes SUCCEEDED or FAILED (DOMAIN.md F4 \"sync result\", T10, T14), once\nthe provider also has a webhook secret (`rotateWebhookSecret`). The delivery is recorded in the\nsame database transaction as the outcome and retried with exponential backoff until a 2xx\nanswer (at least once; redirects are not followed). To accept it:\n\n1. Compute HMAC-SHA256, keyed with the webhook secret, of `<t>.<raw body>` where `t` is the\n   `t=` value of `Hdld-Signature`, and compare it in constant time with each `v1=` value (hex).\n2. Refuse a `t` more than a few minutes from your clock (replays).\n3. Drop a `Hdld-Webhook-Id` you already handled; answer 2xx quickly and work asynchronously.\n\n`verifyWebhook({ payload, header, secret })` of @hdld/sdk does steps 1 and 2.\n",
        "tags": [
          "notifications"
        ],
        "security": [],
        "parameters": [
          {
            "name": "Hdld-Signature",
            "in": "header",
            "required": true,
            "description": "`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">`, signed at send time.",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "example": "t=1772439331,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"
          },
          {
            "name": "Hdld-Webhook-Id",
            "in": "header",
            "required": true,
            "description": "The delivery's id, the same on every retry.",
            "schema": {
              "type": "string",
              "maxLength": 300
            },
            "example": "0192f0e0-1a2b-7c3d-9e4f-5a6b7c8d9e0f"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WebhookEvent"
              },
              "examples": {
                "succeeded": {
                  "summary": "ID issued",
                  "value": {
                    "event": "transaction.completed",
                    "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                    "providerReference": "HD-2026-000123",
                    "status": "SUCCEEDED",
                    "contractId": "2604173920581648",
                    "occurredAt": "2026-03-02T08:15:31Z"
                  }
                },
                "failed": {
                  "summary": "Refused by a check",
                  "value": {
                    "event": "transaction.completed",
                    "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                    "providerReference": "HD-2026-000122",
                    "status": "FAILED",
                    "failureClass": "SIGNATURE",
                    "occurredAt": "2026-03-02T08:10:02Z"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Any 2xx acknowledges the delivery; anything else (or no answer within 15 s) is retried."
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "providerToken": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "Short-lived access token from `POST /v1/oauth/token`, for a provider or a Ministry operator\n(its `role` claim). Operators see every provider; a provider sees only itself.\n"
      },
      "oauth2": {
        "type": "oauth2",
        "description": "OAuth2 client credentials (RFC 6749 section 4.4) with `private_key_jwt` client\nauthentication (RFC 7523), preferred and the only method in production; `client_secret`\nin the sandbox only. The token is then sent as in `providerToken`; this scheme documents\nthe scopes an operation needs.\n",
        "flows": {
          "clientCredentials": {
            "tokenUrl": "/v1/oauth/token",
            "scopes": {
              "contracts:write": "Submit contracts, lifecycle documents and converted paper contracts.",
              "contracts:read": "Read contracts, documents and the provider's transactions.",
              "sandbox": "Control the sandbox (test environment) clock.",
              "operations": "Ministry operator actions (decide explanations, manage providers); operator tokens only."
            }
          }
        }
      }
    },
    "parameters": {
      "TransactionId": {
        "name": "transactionId",
        "in": "path",
        "required": true,
        "description": "Transaction id returned in the submission acknowledgement.",
        "schema": {
          "type": "string",
          "format": "uuid"
        },
        "example": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e"
      },
      "AcceptLanguage": {
        "name": "Accept-Language",
        "in": "header",
        "required": false,
        "description": "Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`).",
        "schema": {
          "type": "string",
          "example": "vi"
        }
      },
      "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating\na request with the same key and the same body returns the stored response (its status and\nbody, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different\nbody is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.\n",
        "schema": {
          "$ref": "#/components/schemas/IdempotencyKey"
        }
      },
      "ContractIdPath": {
        "$ref": "#/components/parameters/ContractId"
      },
      "DocumentId": {
        "name": "documentId",
        "in": "path",
        "required": true,
        "description": "A `documentId` from the contract's `documents`.",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]{1,64}$"
        },
        "example": "doc-01HQ4ZK8"
      },
      "ProviderIdPath": {
        "$ref": "#/components/parameters/ProviderId"
      },
      "ProviderIdFilter": {
        "name": "providerId",
        "in": "query",
        "required": false,
        "description": "Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "pattern": "^[A-Za-z0-9._-]+$"
        }
      },
      "ExplanationIdPath": {
        "$ref": "#/components/parameters/ExplanationId"
      },
      "ProviderReportIdPath": {
        "$ref": "#/components/parameters/ProviderReportId"
      },
      "ViolationReportIdPath": {
        "$ref": "#/components/parameters/ViolationReportId"
      },
      "PeriodFilter": {
        "name": "period",
        "in": "query",
        "required": false,
        "description": "Only this month (`YYYY-MM`, Vietnam time).",
        "schema": {
          "$ref": "#/components/schemas/ReportingPeriod"
        }
      },
      "ProviderReferencePath": {
        "$ref": "#/components/parameters/ProviderReference"
      },
      "Cursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "`nextCursor` of the previous page; omit for the first page.",
        "schema": {
          "type": "string",
          "maxLength": 500
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Page size.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 100
        }
      },
      "PreferWait": {
        "name": "Prefer",
        "in": "header",
        "required": false,
        "description": "`wait=N` (RFC 7240): the caller would rather wait up to N seconds (at most 10; a larger N is read\nas 10) for the outcome than poll for it. When the transaction is final (SUCCEEDED or FAILED)\nwithin that time the answer is `201` with the transaction, as `getTransaction` returns it;\notherwise `202` with the acknowledgement, as without the header. Other preferences are ignored.\nOnly a new submission waits: a repeated one (the same package, or a retry with the same\nIdempotency-Key) is answered at once, as without the header.\n",
        "schema": {
          "type": "string",
          "maxLength": 200,
          "example": "wait=10"
        }
      },
      "ContractId": {
        "name": "contractId",
        "in": "path",
        "required": true,
        "description": "The contract's national ID (16 digits, without separators).",
        "schema": {
          "$ref": "#/components/schemas/ContractId"
        }
      },
      "ProviderReference": {
        "name": "providerReference",
        "in": "path",
        "required": true,
        "description": "The provider's own reference, percent-encoded (for example `/` as `%2F`).",
        "schema": {
          "$ref": "#/components/schemas/ProviderReference"
        }
      },
      "ExplanationId": {
        "name": "explanationId",
        "in": "path",
        "required": true,
        "description": "Explanation id returned when it was submitted.",
        "schema": {
          "type": "string",
          "format": "uuid"
        },
        "example": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b"
      },
      "ProviderId": {
        "name": "providerId",
        "in": "path",
        "required": true,
        "description": "The provider's id in the registry.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "pattern": "^[A-Za-z0-9._-]+$"
        },
        "example": "prov-econtract-demo"
      },
      "ProviderReportId": {
        "name": "reportId",
        "in": "path",
        "required": true,
        "description": "The `reportId` of one version of a monthly report.",
        "schema": {
          "type": "string",
          "format": "uuid"
        },
        "example": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b"
      },
      "ViolationReportId": {
        "name": "reportId",
        "in": "path",
        "required": true,
        "description": "The `reportId` of one version of a violations report.",
        "schema": {
          "type": "string",
          "format": "uuid"
        },
        "example": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b"
      }
    },
    "headers": {
      "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
      },
      "Retry-After": {
        "$ref": "#/components/headers/RetryAfter"
      },
      "Location": {
        "description": "The transaction resource to poll for the outcome.",
        "schema": {
          "type": "string"
        },
        "example": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e"
      },
      "Idempotent-Replayed": {
        "$ref": "#/components/headers/IdempotentReplayed"
      },
      "ETag": {
        "description": "Strong entity tag, the quoted lowercase hexadecimal SHA-256 of the file.",
        "schema": {
          "type": "string",
          "pattern": "^\"[0-9a-f]{64}\"$"
        },
        "example": "\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\""
      },
      "Digest": {
        "description": "SHA-256 of the file (RFC 3230 instance digest, base64), `sha-256=<base64>`.",
        "schema": {
          "type": "string",
          "pattern": "^sha-256=[A-Za-z0-9+/]{43}=$"
        },
        "example": "sha-256=OnvT4jYKPSnupDb8+35ExzXRF8QtHBg1QgtrmULdTxs="
      },
      "XRequestId": {
        "description": "Id of this request in the Platform's logs (T11); quote it when reporting a problem.",
        "schema": {
          "type": "string",
          "maxLength": 100
        },
        "example": "req-7f3a9c"
      },
      "RetryAfter": {
        "description": "Seconds to wait before retrying (RFC 9110 section 10.2.3).",
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 30
      },
      "IdempotentReplayed": {
        "description": "`true` when this is the stored response of an earlier request with the same Idempotency-Key and body.",
        "schema": {
          "type": "string",
          "enum": [
            "true",
            "false"
          ]
        },
        "example": "false"
      }
    },
    "examples": {
      "ContractSubmission": {
        "summary": "A signed fixed-term contract",
        "value": {
          "providerReference": "HD-2026-000123",
          "mainData": {
            "contractNumber": "123/2026/HĐLĐ",
            "concludedOn": "2026-03-01",
            "employer": {
              "name": "Công ty TNHH Dệt may Sông Hồng",
              "taxCode": "0101234567",
              "address": "Số 12 phố Lê Duẩn, phường Cửa Nam, Hà Nội",
              "provinceCode": "01",
              "representative": {
                "fullName": "Trần Thị Mai",
                "title": "Giám đốc"
              }
            },
            "employee": {
              "fullName": "Nguyễn Văn An",
              "dateOfBirth": "1995-07-14",
              "sex": "MALE",
              "residence": "Thôn Đông, xã Phù Đổng, Hà Nội",
              "identity": {
                "type": "CCCD",
                "number": "001095012345"
              },
              "nationality": "VN"
            },
            "job": {
              "position": "MID_TECHNICAL",
              "title": "Kỹ thuật viên bảo trì máy",
              "workplace": "Nhà máy Sông Hồng, Khu công nghiệp Quang Minh, Hà Nội"
            },
            "term": {
              "type": "FIXED_TERM",
              "startDate": "2026-03-02",
              "endDate": "2028-03-01"
            },
            "pay": {
              "salary": 9500000,
              "form": "TIME_BASED",
              "method": "BANK_TRANSFER",
              "period": "MONTHLY",
              "allowances": [
                {
                  "name": "Phụ cấp độc hại",
                  "amount": 500000
                }
              ],
              "otherSupplements": [
                {
                  "name": "Hỗ trợ xăng xe",
                  "amount": 300000
                }
              ]
            },
            "workingTime": {
              "hoursPerDay": 8,
              "daysPerWeek": 6
            },
            "socialInsurance": true
          },
          "documents": [
            {
              "role": "CONTRACT",
              "fileName": "HD-123-2026.pdf",
              "mediaType": "application/pdf",
              "contentBase64": "JVBERi0xLjcKJcfsj6IK"
            }
          ],
          "evidence": {
            "mediaType": "application/pkcs7-mime",
            "contentBase64": "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABA=="
          },
          "transactionLog": {
            "system": {
              "name": "VietSign eContract",
              "version": "4.2.1"
            },
            "events": [
              {
                "at": "2026-03-01T16:40:00+07:00",
                "type": "CREATED",
                "actor": "tran.thi.mai@songhong.example",
                "actorRole": "EMPLOYER",
                "ip": "203.0.113.10"
              },
              {
                "at": "2026-03-01T17:00:05+07:00",
                "type": "SIGNED",
                "actor": "tran.thi.mai@songhong.example",
                "actorRole": "EMPLOYER",
                "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
              },
              {
                "at": "2026-03-02T08:01:12+07:00",
                "type": "SIGNED",
                "actor": "nguyen.van.an",
                "actorRole": "EMPLOYEE",
                "ip": "198.51.100.7",
                "userAgent": "Mozilla/5.0 (Linux; Android 14)",
                "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
              },
              {
                "at": "2026-03-02T08:01:30+07:00",
                "type": "STORED",
                "actor": "VietSign eContract",
                "actorRole": "SYSTEM"
              }
            ]
          }
        }
      },
      "BatchSubmission": {
        "summary": "Two contracts in one batch",
        "value": {
          "items": [
            {
              "providerReference": "HD-2026-000123",
              "mainData": {
                "contractNumber": "123/2026/HĐLĐ",
                "concludedOn": "2026-03-01",
                "employer": {
                  "name": "Công ty TNHH Dệt may Sông Hồng",
                  "taxCode": "0101234567",
                  "address": "Số 12 phố Lê Duẩn, phường Cửa Nam, Hà Nội",
                  "provinceCode": "01",
                  "representative": {
                    "fullName": "Trần Thị Mai",
                    "title": "Giám đốc"
                  }
                },
                "employee": {
                  "fullName": "Nguyễn Văn An",
                  "dateOfBirth": "1995-07-14",
                  "sex": "MALE",
                  "residence": "Thôn Đông, xã Phù Đổng, Hà Nội",
                  "identity": {
                    "type": "CCCD",
                    "number": "001095012345"
                  },
                  "nationality": "VN"
                },
                "job": {
                  "position": "MID_TECHNICAL",
                  "title": "Kỹ thuật viên bảo trì máy",
                  "workplace": "Nhà máy Sông Hồng, Khu công nghiệp Quang Minh, Hà Nội"
                },
                "term": {
                  "type": "FIXED_TERM",
                  "startDate": "2026-03-02",
                  "endDate": "2028-03-01"
                },
                "pay": {
                  "salary": 9500000,
                  "form": "TIME_BASED",
                  "method": "BANK_TRANSFER",
                  "period": "MONTHLY",
                  "allowances": [
                    {
                      "name": "Phụ cấp độc hại",
                      "amount": 500000
                    }
                  ],
                  "otherSupplements": [
                    {
                      "name": "Hỗ trợ xăng xe",
                      "amount": 300000
                    }
                  ]
                },
                "workingTime": {
                  "hoursPerDay": 8,
                  "daysPerWeek": 6
                },
                "socialInsurance": true
              },
              "documents": [
                {
                  "role": "CONTRACT",
                  "fileName": "HD-123-2026.pdf",
                  "mediaType": "application/pdf",
                  "contentBase64": "JVBERi0xLjcKJcfsj6IK"
                }
              ],
              "evidence": {
                "mediaType": "application/pkcs7-mime",
                "contentBase64": "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABA=="
              },
              "transactionLog": {
                "system": {
                  "name": "VietSign eContract",
                  "version": "4.2.1"
                },
                "events": [
                  {
                    "at": "2026-03-01T16:40:00+07:00",
                    "type": "CREATED",
                    "actor": "tran.thi.mai@songhong.example",
                    "actorRole": "EMPLOYER",
                    "ip": "203.0.113.10"
                  },
                  {
                    "at": "2026-03-01T17:00:05+07:00",
                    "type": "SIGNED",
                    "actor": "tran.thi.mai@songhong.example",
                    "actorRole": "EMPLOYER",
                    "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
                  },
                  {
                    "at": "2026-03-02T08:01:12+07:00",
                    "type": "SIGNED",
                    "actor": "nguyen.van.an",
                    "actorRole": "EMPLOYEE",
                    "ip": "198.51.100.7",
                    "userAgent": "Mozilla/5.0 (Linux; Android 14)",
                    "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
                  },
                  {
                    "at": "2026-03-02T08:01:30+07:00",
                    "type": "STORED",
                    "actor": "VietSign eContract",
                    "actorRole": "SYSTEM"
                  }
                ]
              }
            },
            {
              "providerReference": "HD-2026-000124",
              "mainData": {
                "contractNumber": "124/2026/HĐLĐ",
                "concludedOn": "2026-03-01",
                "employer": {
                  "name": "Công ty TNHH Dệt may Sông Hồng",
                  "taxCode": "0101234567",
                  "address": "Số 12 phố Lê Duẩn, phường Cửa Nam, Hà Nội",
                  "provinceCode": "01",
                  "representative": {
                    "fullName": "Trần Thị Mai",
                    "title": "Giám đốc"
                  }
                },
                "employee": {
                  "fullName": "Phạm Thị Hoa",
                  "dateOfBirth": "1998-11-02",
                  "sex": "FEMALE",
                  "residence": "Thôn Đông, xã Phù Đổng, Hà Nội",
                  "identity": {
                    "type": "CCCD",
                    "number": "001198054321"
                  },
                  "nationality": "VN"
                },
                "job": {
                  "position": "MID_TECHNICAL",
                  "title": "Kỹ thuật viên bảo trì máy",
                  "workplace": "Nhà máy Sông Hồng, Khu công nghiệp Quang Minh, Hà Nội"
                },
                "term": {
                  "type": "FIXED_TERM",
                  "startDate": "2026-03-02",
                  "endDate": "2028-03-01"
                },
                "pay": {
                  "salary": 9500000,
                  "form": "TIME_BASED",
                  "method": "BANK_TRANSFER",
                  "period": "MONTHLY",
                  "allowances": [
                    {
                      "name": "Phụ cấp độc hại",
                      "amount": 500000
                    }
                  ],
                  "otherSupplements": [
                    {
                      "name": "Hỗ trợ xăng xe",
                      "amount": 300000
                    }
                  ]
                },
                "workingTime": {
                  "hoursPerDay": 8,
                  "daysPerWeek": 6
                },
                "socialInsurance": true
              },
              "documents": [
                {
                  "role": "CONTRACT",
                  "fileName": "HD-123-2026.pdf",
                  "mediaType": "application/pdf",
                  "contentBase64": "JVBERi0xLjcKJcfsj6IK"
                }
              ],
              "evidence": {
                "mediaType": "application/pkcs7-mime",
                "contentBase64": "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABA=="
              },
              "transactionLog": {
                "system": {
                  "name": "VietSign eContract",
                  "version": "4.2.1"
                },
                "events": [
                  {
                    "at": "2026-03-01T16:40:00+07:00",
                    "type": "CREATED",
                    "actor": "tran.thi.mai@songhong.example",
                    "actorRole": "EMPLOYER",
                    "ip": "203.0.113.10"
                  },
                  {
                    "at": "2026-03-01T17:00:05+07:00",
                    "type": "SIGNED",
                    "actor": "tran.thi.mai@songhong.example",
                    "actorRole": "EMPLOYER",
                    "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
                  },
                  {
                    "at": "2026-03-02T08:01:12+07:00",
                    "type": "SIGNED",
                    "actor": "nguyen.van.an",
                    "actorRole": "EMPLOYEE",
                    "ip": "198.51.100.7",
                    "userAgent": "Mozilla/5.0 (Linux; Android 14)",
                    "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
                  },
                  {
                    "at": "2026-03-02T08:01:30+07:00",
                    "type": "STORED",
                    "actor": "VietSign eContract",
                    "actorRole": "SYSTEM"
                  }
                ]
              }
            }
          ]
        }
      },
      "LifecycleSubmission": {
        "summary": "A pay amendment",
        "value": {
          "type": "AMENDMENT",
          "providerReference": "HD-2026-000123-PL01",
          "effectiveOn": "2026-09-01",
          "summary": "Tăng lương từ ngày 01/9/2026.",
          "changes": {
            "pay": {
              "salary": 10500000,
              "form": "TIME_BASED",
              "method": "BANK_TRANSFER",
              "period": "MONTHLY"
            }
          },
          "documents": [
            {
              "role": "CONTRACT",
              "fileName": "PL01-HD-123-2026.pdf",
              "mediaType": "application/pdf",
              "contentBase64": "JVBERi0xLjcKJcfsj6IK"
            }
          ],
          "evidence": {
            "mediaType": "application/pkcs7-mime",
            "contentBase64": "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABA=="
          },
          "transactionLog": {
            "system": {
              "name": "VietSign eContract",
              "version": "4.2.1"
            },
            "events": [
              {
                "at": "2026-03-01T16:40:00+07:00",
                "type": "CREATED",
                "actor": "tran.thi.mai@songhong.example",
                "actorRole": "EMPLOYER",
                "ip": "203.0.113.10"
              },
              {
                "at": "2026-03-01T17:00:05+07:00",
                "type": "SIGNED",
                "actor": "tran.thi.mai@songhong.example",
                "actorRole": "EMPLOYER",
                "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
              },
              {
                "at": "2026-03-02T08:01:12+07:00",
                "type": "SIGNED",
                "actor": "nguyen.van.an",
                "actorRole": "EMPLOYEE",
                "ip": "198.51.100.7",
                "userAgent": "Mozilla/5.0 (Linux; Android 14)",
                "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
              },
              {
                "at": "2026-03-02T08:01:30+07:00",
                "type": "STORED",
                "actor": "VietSign eContract",
                "actorRole": "SYSTEM"
              }
            ]
          }
        }
      },
      "ConvertedPaperSubmission": {
        "summary": "A converted paper contract",
        "value": {
          "providerReference": "HD-GIAY-2019-045",
          "mainData": {
            "contractNumber": "45/2019/HĐLĐ",
            "concludedOn": "2019-06-28",
            "employer": {
              "name": "Công ty TNHH Dệt may Sông Hồng",
              "taxCode": "0101234567",
              "address": "Số 12 phố Lê Duẩn, phường Cửa Nam, Hà Nội",
              "provinceCode": "01",
              "representative": {
                "fullName": "Trần Thị Mai",
                "title": "Giám đốc"
              }
            },
            "employee": {
              "fullName": "Nguyễn Văn An",
              "dateOfBirth": "1995-07-14",
              "sex": "MALE",
              "residence": "Thôn Đông, xã Phù Đổng, Hà Nội",
              "identity": {
                "type": "CCCD",
                "number": "001095012345"
              },
              "nationality": "VN"
            },
            "job": {
              "position": "MID_TECHNICAL",
              "title": "Kỹ thuật viên bảo trì máy",
              "workplace": "Nhà máy Sông Hồng, Khu công nghiệp Quang Minh, Hà Nội"
            },
            "term": {
              "type": "INDEFINITE",
              "startDate": "2019-07-01"
            },
            "pay": {
              "salary": 9500000,
              "form": "TIME_BASED",
              "method": "BANK_TRANSFER",
              "period": "MONTHLY",
              "allowances": [
                {
                  "name": "Phụ cấp độc hại",
                  "amount": 500000
                }
              ],
              "otherSupplements": [
                {
                  "name": "Hỗ trợ xăng xe",
                  "amount": 300000
                }
              ]
            },
            "workingTime": {
              "hoursPerDay": 8,
              "daysPerWeek": 6
            },
            "socialInsurance": true
          },
          "documents": [
            {
              "role": "CONTRACT",
              "fileName": "HD-45-2019-scan.pdf",
              "mediaType": "application/pdf",
              "contentBase64": "JVBERi0xLjcKJcfsj6IK"
            }
          ],
          "conversionLog": {
            "system": "ScanSeal 3.0",
            "personName": "Lê Văn Bình",
            "personTitle": "Chuyên viên hành chính",
            "organisationName": "Công ty TNHH Dệt may Sông Hồng",
            "completedAt": "2026-03-05T10:20:00+07:00",
            "fileFormat": "application/pdf",
            "fileSize": 524288,
            "pageCount": 4,
            "sha256": "5d41402abc4b2a76b9719d911017c592aaf07e6b0a3c1d2e3f4a5b6c7d8e9f00",
            "sealSignature": {
              "signerCertificateSha256": "7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069",
              "timestampedAt": "2026-03-05T10:20:02+07:00"
            },
            "matchesOriginal": true
          }
        }
      },
      "Contract": {
        "summary": "An active contract",
        "value": {
          "contractId": "2604173920581648",
          "state": "ACTIVE",
          "origin": "ELECTRONIC",
          "mainData": {
            "contractNumber": "123/2026/HĐLĐ",
            "concludedOn": "2026-03-01",
            "employer": {
              "name": "Công ty TNHH Dệt may Sông Hồng",
              "taxCode": "0101234567",
              "address": "Số 12 phố Lê Duẩn, phường Cửa Nam, Hà Nội",
              "provinceCode": "01",
              "representative": {
                "fullName": "Trần Thị Mai",
                "title": "Giám đốc"
              }
            },
            "employee": {
              "fullName": "Nguyễn Văn An",
              "dateOfBirth": "1995-07-14",
              "sex": "MALE",
              "residence": "Thôn Đông, xã Phù Đổng, Hà Nội",
              "identity": {
                "type": "CCCD",
                "number": "001095012345"
              },
              "nationality": "VN"
            },
            "job": {
              "position": "MID_TECHNICAL",
              "title": "Kỹ thuật viên bảo trì máy",
              "workplace": "Nhà máy Sông Hồng, Khu công nghiệp Quang Minh, Hà Nội"
            },
            "term": {
              "type": "FIXED_TERM",
              "startDate": "2026-03-02",
              "endDate": "2028-03-01"
            },
            "pay": {
              "salary": 9500000,
              "form": "TIME_BASED",
              "method": "BANK_TRANSFER",
              "period": "MONTHLY",
              "allowances": [
                {
                  "name": "Phụ cấp độc hại",
                  "amount": 500000
                }
              ],
              "otherSupplements": [
                {
                  "name": "Hỗ trợ xăng xe",
                  "amount": 300000
                }
              ]
            },
            "workingTime": {
              "hoursPerDay": 8,
              "daysPerWeek": 6
            },
            "socialInsurance": true
          },
          "issuedAt": "2026-03-02T08:15:31Z",
          "late": false,
          "providerReference": "HD-2026-000123",
          "documents": [
            {
              "documentId": "doc-01HQ4ZK8",
              "kind": "CONTRACT",
              "fileName": "HD-123-2026.pdf",
              "mediaType": "application/pdf",
              "size": 184320,
              "sha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
              "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
              "addedAt": "2026-03-02T08:15:31Z"
            },
            {
              "documentId": "doc-01HQ4ZK9",
              "kind": "EVIDENCE",
              "fileName": "evidence.p7m",
              "mediaType": "application/pkcs7-mime",
              "size": 4211,
              "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
              "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
              "addedAt": "2026-03-02T08:15:31Z"
            },
            {
              "documentId": "doc-01HQ4ZKA",
              "kind": "TRANSACTION_LOG",
              "fileName": "transaction-log.json",
              "mediaType": "application/json",
              "size": 1532,
              "sha256": "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9",
              "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
              "addedAt": "2026-03-02T08:15:31Z"
            }
          ],
          "history": [
            {
              "at": "2026-03-02T08:15:31Z",
              "event": "ISSUED",
              "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
              "toState": "ACTIVE"
            }
          ]
        }
      }
    },
    "responses": {
      "Problem": {
        "description": "An RFC 9457 problem with a stable catalog `code`.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "https://hdld.invalid/problems/TRANSACTION_NOT_FOUND",
              "title": "Transaction not found",
              "status": 404,
              "code": "TRANSACTION_NOT_FOUND",
              "detail": "No transaction 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e exists for this provider.",
              "instance": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
              "requestId": "req-7f3a9c"
            }
          }
        }
      },
      "BadRequest": {
        "description": "The request does not match the API schema (`REQUEST_INVALID`, T9); `errors[]` lists each field.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "requestInvalid": {
                "summary": "Invalid fields",
                "value": {
                  "type": "https://hdld.invalid/problems/REQUEST_INVALID",
                  "title": "The request does not match the API schema",
                  "status": 400,
                  "code": "REQUEST_INVALID",
                  "detail": "2 fields are invalid.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c",
                  "errors": [
                    {
                      "code": "REQUEST_INVALID",
                      "detail": "must match format \"date\"",
                      "pointer": "/mainData/employee/dateOfBirth"
                    },
                    {
                      "code": "REQUEST_INVALID",
                      "detail": "must have required property 'evidence'",
                      "pointer": ""
                    }
                  ]
                }
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing, invalid or expired access token (`UNAUTHENTICATED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "tokenExpired": {
                "summary": "Expired token",
                "value": {
                  "type": "https://hdld.invalid/problems/TOKEN_EXPIRED",
                  "title": "Access token has expired",
                  "status": 401,
                  "code": "TOKEN_EXPIRED",
                  "detail": "The access token expired at 2026-03-02T08:00:00Z.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              },
              "unauthenticated": {
                "summary": "No token",
                "value": {
                  "type": "https://hdld.invalid/problems/UNAUTHENTICATED",
                  "title": "Authentication required",
                  "status": 401,
                  "code": "UNAUTHENTICATED",
                  "detail": "No Authorization header.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ClientAuthFailed": {
        "description": "Client authentication failed (`CLIENT_AUTH_FAILED`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "clientAuthFailed": {
                "summary": "Bad client assertion",
                "value": {
                  "type": "https://hdld.invalid/problems/CLIENT_AUTH_FAILED",
                  "title": "Client authentication failed",
                  "status": 401,
                  "code": "CLIENT_AUTH_FAILED",
                  "detail": "The client assertion signature does not verify with the registered key.",
                  "instance": "/v1/oauth/token",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "Forbidden": {
        "description": "Not allowed: missing scope or another provider's resource (`FORBIDDEN`), the provider's connection is suspended or terminated (`PROVIDER_SUSPENDED`, `PROVIDER_DISCONNECTED`, Decree 337/2025 Art. 15.4), or the call comes from outside the provider's IP allow-list (`IP_NOT_ALLOWED`, N8).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "providerSuspended": {
                "summary": "Connection suspended",
                "value": {
                  "type": "https://hdld.invalid/problems/PROVIDER_SUSPENDED",
                  "title": "Provider connection suspended",
                  "status": 403,
                  "code": "PROVIDER_SUSPENDED",
                  "detail": "The connection was suspended on 2026-03-01; see the notice sent by e-mail.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              },
              "forbidden": {
                "summary": "Missing scope",
                "value": {
                  "type": "https://hdld.invalid/problems/FORBIDDEN",
                  "title": "Access denied",
                  "status": 403,
                  "code": "FORBIDDEN",
                  "detail": "The token has no contracts:write scope.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              },
              "ipNotAllowed": {
                "summary": "Address outside the IP allow-list",
                "value": {
                  "type": "https://hdld.invalid/problems/IP_NOT_ALLOWED",
                  "title": "Address not in the IP allow-list",
                  "status": 403,
                  "code": "IP_NOT_ALLOWED",
                  "detail": "Calls from 198.51.100.7 are not in your IP allow-list.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "SandboxOnly": {
        "description": "Refused outside sandbox mode (`SANDBOX_ONLY`), or missing scope (`FORBIDDEN`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "sandboxOnly": {
                "summary": "Not a sandbox",
                "value": {
                  "type": "https://hdld.invalid/problems/SANDBOX_ONLY",
                  "title": "Available in the sandbox only",
                  "status": 403,
                  "code": "SANDBOX_ONLY",
                  "detail": "The clock can only be moved on a sandbox Platform.",
                  "instance": "/v1/sandbox/clock",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "TransactionNotFound": {
        "description": "No such transaction for this provider (`TRANSACTION_NOT_FOUND`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "transactionNotFound": {
                "summary": "Unknown transaction",
                "value": {
                  "type": "https://hdld.invalid/problems/TRANSACTION_NOT_FOUND",
                  "title": "Transaction not found",
                  "status": 404,
                  "code": "TRANSACTION_NOT_FOUND",
                  "detail": "No transaction with provider reference HD-2026-999999 exists for this provider.",
                  "instance": "/v1/transactions/by-reference/HD-2026-999999",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ContractNotFound": {
        "description": "No such contract ID, or not visible to this provider (`CONTRACT_NOT_FOUND`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "contractNotFound": {
                "summary": "Unknown contract ID",
                "value": {
                  "type": "https://hdld.invalid/problems/CONTRACT_NOT_FOUND",
                  "title": "Contract not found",
                  "status": 404,
                  "code": "CONTRACT_NOT_FOUND",
                  "detail": "No contract 2604173920581648 is visible to this provider.",
                  "instance": "/v1/contracts/2604173920581648",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "DocumentNotFound": {
        "description": "No such contract or document (`CONTRACT_NOT_FOUND`, `DOCUMENT_NOT_FOUND`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "documentNotFound": {
                "summary": "Unknown document",
                "value": {
                  "type": "https://hdld.invalid/problems/DOCUMENT_NOT_FOUND",
                  "title": "Document not found",
                  "status": 404,
                  "code": "DOCUMENT_NOT_FOUND",
                  "detail": "Contract 2604173920581648 has no document doc-unknown.",
                  "instance": "/v1/contracts/2604173920581648/documents/doc-unknown",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "IdempotencyConflict": {
        "description": "The Idempotency-Key was already used with a different body (`IDEMPOTENCY_KEY_REUSED`), or a request with the same key is still in progress (`IDEMPOTENCY_KEY_IN_USE`; retry after `Retry-After`), or the provider reference holds other content (`DUPLICATE_PROVIDER_REFERENCE`; a failed transaction's reference takes a corrected package once its re-push is approved, F36, F37).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "idempotencyKeyReused": {
                "summary": "Key reused",
                "value": {
                  "type": "https://hdld.invalid/problems/IDEMPOTENCY_KEY_REUSED",
                  "title": "Idempotency-Key already used for a different request",
                  "status": 409,
                  "code": "IDEMPOTENCY_KEY_REUSED",
                  "detail": "Key 5f0c8c1e-2a44-4b0e-9d3f-6b1f2a7c9e10 was used on 2026-03-02T08:15:30Z for a request with another body.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              },
              "idempotencyKeyInUse": {
                "summary": "Same key still in progress",
                "value": {
                  "type": "https://hdld.invalid/problems/IDEMPOTENCY_KEY_IN_USE",
                  "title": "A request with this Idempotency-Key is still being processed",
                  "status": 409,
                  "code": "IDEMPOTENCY_KEY_IN_USE",
                  "detail": "The first request with this key has not finished yet.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9d",
                  "retryAfterSeconds": 1
                }
              },
              "duplicateProviderReference": {
                "summary": "Reference of a failed transaction whose re-push is not approved",
                "value": {
                  "type": "https://hdld.invalid/problems/DUPLICATE_PROVIDER_REFERENCE",
                  "title": "Provider reference already used for different content",
                  "status": 409,
                  "code": "DUPLICATE_PROVIDER_REFERENCE",
                  "detail": "Provider reference HD-2026-000123 belongs to failed transaction 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e (explanation status AWAITING_EXPLANATION). A corrected package can be sent under it once its re-push is approved: explain the failure (POST /v1/explanations, hdld errors explain 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e) and wait for the Ministry's approval.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The request body exceeds its limit (`PAYLOAD_TOO_LARGE`: 16 MiB for one submission; `BATCH_TOO_LARGE`: 50 items or 32 MiB for a batch).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "payloadTooLarge": {
                "summary": "Body over 16 MiB",
                "value": {
                  "type": "https://hdld.invalid/problems/PAYLOAD_TOO_LARGE",
                  "title": "Request body too large",
                  "status": 413,
                  "code": "PAYLOAD_TOO_LARGE",
                  "detail": "The body has 17,301,504 bytes; the limit is 16,777,216.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "BatchTooLarge": {
        "description": "The batch exceeds 50 items or 32 MiB (`BATCH_TOO_LARGE`, T5).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "batchTooLarge": {
                "summary": "Too many items",
                "value": {
                  "type": "https://hdld.invalid/problems/BATCH_TOO_LARGE",
                  "title": "Batch too large",
                  "status": 413,
                  "code": "BATCH_TOO_LARGE",
                  "detail": "The batch has 64 items; the limit is 50.",
                  "instance": "/v1/contracts/batch",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "Wrong Content-Type (`UNSUPPORTED_MEDIA_TYPE`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "unsupportedMediaType": {
                "summary": "Not JSON",
                "value": {
                  "type": "https://hdld.invalid/problems/UNSUPPORTED_MEDIA_TYPE",
                  "title": "Unsupported Content-Type",
                  "status": 415,
                  "code": "UNSUPPORTED_MEDIA_TYPE",
                  "detail": "Expected application/json, got multipart/form-data.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Rate limit reached (`RATE_LIMITED`); retry after `Retry-After` seconds.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "rateLimited": {
                "summary": "Rate limited",
                "value": {
                  "type": "https://hdld.invalid/problems/RATE_LIMITED",
                  "title": "Too many requests",
                  "status": 429,
                  "code": "RATE_LIMITED",
                  "detail": "More than 20 requests per second.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c",
                  "retryAfterSeconds": 1
                }
              }
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "Temporarily unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds with the same Idempotency-Key.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "serviceUnavailable": {
                "summary": "Maintenance",
                "value": {
                  "type": "https://hdld.invalid/problems/SERVICE_UNAVAILABLE",
                  "title": "Service temporarily unavailable",
                  "status": 503,
                  "code": "SERVICE_UNAVAILABLE",
                  "detail": "The Platform is under maintenance.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c",
                  "retryAfterSeconds": 30
                }
              }
            }
          }
        }
      },
      "InternalError": {
        "description": "Unexpected error (`INTERNAL_ERROR`); retry with the same Idempotency-Key and report the requestId if it persists.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "internalError": {
                "summary": "Internal error",
                "value": {
                  "type": "https://hdld.invalid/problems/INTERNAL_ERROR",
                  "title": "Internal error",
                  "status": 500,
                  "code": "INTERNAL_ERROR",
                  "detail": "An unexpected error occurred.",
                  "instance": "/v1/contracts",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ExplanationNotFound": {
        "description": "No such explanation visible to the caller (`EXPLANATION_NOT_FOUND`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "explanationNotFound": {
                "summary": "Unknown explanation",
                "value": {
                  "type": "https://hdld.invalid/problems/EXPLANATION_NOT_FOUND",
                  "title": "Explanation not found",
                  "status": 404,
                  "code": "EXPLANATION_NOT_FOUND",
                  "detail": "No explanation 0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b exists for this provider.",
                  "instance": "/v1/explanations/0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ProviderNotFound": {
        "description": "No such provider visible to the caller (`PROVIDER_NOT_FOUND`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "providerNotFound": {
                "summary": "Unknown provider",
                "value": {
                  "type": "https://hdld.invalid/problems/PROVIDER_NOT_FOUND",
                  "title": "Provider not found",
                  "status": 404,
                  "code": "PROVIDER_NOT_FOUND",
                  "detail": "No provider prov-unknown is registered.",
                  "instance": "/v1/providers/prov-unknown",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "RepushNotApproved": {
        "description": "The transaction is not FAILED with an approved explanation (`REPUSH_NOT_APPROVED`, DOMAIN.md F37).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "repushNotApproved": {
                "summary": "Explanation not approved",
                "value": {
                  "type": "https://hdld.invalid/problems/REPUSH_NOT_APPROVED",
                  "title": "Re-push not approved",
                  "status": 409,
                  "code": "REPUSH_NOT_APPROVED",
                  "detail": "Transaction 0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f is PENDING_APPROVAL; it can be pushed again once an operator approves its explanation.",
                  "instance": "/v1/transactions/0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f/repush",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ExplanationAlreadyDecided": {
        "description": "The explanation already has the other decision (`EXPLANATION_ALREADY_DECIDED`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "explanationAlreadyDecided": {
                "summary": "Decided the other way",
                "value": {
                  "type": "https://hdld.invalid/problems/EXPLANATION_ALREADY_DECIDED",
                  "title": "Explanation already decided",
                  "status": 409,
                  "code": "EXPLANATION_ALREADY_DECIDED",
                  "detail": "The explanation was REJECTED on 2026-03-03; it cannot be APPROVED now.",
                  "instance": "/v1/explanations/0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b/decision",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "TransactionNotAwaitingExplanation": {
        "description": "A listed transaction is not FAILED awaiting explanation (`TRANSACTION_NOT_AWAITING_EXPLANATION`, DOMAIN.md F36).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "notAwaiting": {
                "summary": "Already explained",
                "value": {
                  "type": "https://hdld.invalid/problems/TRANSACTION_NOT_AWAITING_EXPLANATION",
                  "title": "Transaction not awaiting an explanation",
                  "status": 409,
                  "code": "TRANSACTION_NOT_AWAITING_EXPLANATION",
                  "detail": "Transaction 0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f is PENDING_APPROVAL.",
                  "instance": "/v1/explanations",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ProviderStatusTransitionInvalid": {
        "description": "The provider cannot move to that status (`PROVIDER_STATUS_TRANSITION_INVALID`): DISCONNECTED is final.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "transitionInvalid": {
                "summary": "From DISCONNECTED",
                "value": {
                  "type": "https://hdld.invalid/problems/PROVIDER_STATUS_TRANSITION_INVALID",
                  "title": "Provider status change not allowed",
                  "status": 409,
                  "code": "PROVIDER_STATUS_TRANSITION_INVALID",
                  "detail": "A DISCONNECTED provider cannot become ACTIVE; register it again.",
                  "instance": "/v1/providers/prov-econtract-demo/status",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ProviderReportNotFound": {
        "description": "No such monthly report visible to the caller (`PROVIDER_REPORT_NOT_FOUND`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "providerReportNotFound": {
                "summary": "Unknown report",
                "value": {
                  "type": "https://hdld.invalid/problems/PROVIDER_REPORT_NOT_FOUND",
                  "title": "Monthly report not found",
                  "status": 404,
                  "code": "PROVIDER_REPORT_NOT_FOUND",
                  "detail": "No monthly report 0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b is visible to the caller.",
                  "instance": "/v1/provider-reports/0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ProviderReportConflict": {
        "description": "The month's report was already sent with other content and `replacesVersion` is not its latest\nversion (`PROVIDER_REPORT_CONFLICT`), the month has not ended (`REPORTING_PERIOD_NOT_ENDED`), or\nthe Idempotency-Key was used for another request (`IDEMPOTENCY_KEY_REUSED`, `IDEMPOTENCY_KEY_IN_USE`).\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "providerReportConflict": {
                "summary": "Different content, no correction asked",
                "value": {
                  "type": "https://hdld.invalid/problems/PROVIDER_REPORT_CONFLICT",
                  "title": "Monthly report already sent with other content",
                  "status": 409,
                  "code": "PROVIDER_REPORT_CONFLICT",
                  "detail": "The report on 2026-01 is at version 1; to correct it, send replacesVersion 1.",
                  "instance": "/v1/provider-reports",
                  "requestId": "req-7f3a9c"
                }
              },
              "reportingPeriodNotEnded": {
                "summary": "Current month",
                "value": {
                  "type": "https://hdld.invalid/problems/REPORTING_PERIOD_NOT_ENDED",
                  "title": "The month has not ended yet",
                  "status": 409,
                  "code": "REPORTING_PERIOD_NOT_ENDED",
                  "detail": "2026-03 ends at 2026-03-31T17:00:00.000Z (00:00 on 1 April, Vietnam time).",
                  "instance": "/v1/provider-reports",
                  "requestId": "req-7f3a9d"
                }
              },
              "idempotencyKeyReused": {
                "summary": "Key reused",
                "value": {
                  "type": "https://hdld.invalid/problems/IDEMPOTENCY_KEY_REUSED",
                  "title": "Idempotency-Key already used for a different request",
                  "status": 409,
                  "code": "IDEMPOTENCY_KEY_REUSED",
                  "detail": "Key 5f0c8c1e-2a44-4b0e-9d3f-6b1f2a7c9e10 was used for a request with another body.",
                  "instance": "/v1/provider-reports",
                  "requestId": "req-7f3a9e"
                }
              }
            }
          }
        }
      },
      "ReportingPeriodNotEnded": {
        "description": "The month has not ended yet on the Platform's clock (`REPORTING_PERIOD_NOT_ENDED`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "reportingPeriodNotEnded": {
                "summary": "Current month",
                "value": {
                  "type": "https://hdld.invalid/problems/REPORTING_PERIOD_NOT_ENDED",
                  "title": "The month has not ended yet",
                  "status": 409,
                  "code": "REPORTING_PERIOD_NOT_ENDED",
                  "detail": "2026-03 ends at 2026-03-31T17:00:00.000Z (00:00 on 1 April, Vietnam time).",
                  "instance": "/v1/violation-reports",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "AttachmentDigestMismatch": {
        "description": "The attachment's bytes do not hash to the SHA-256 sent with it (`ATTACHMENT_DIGEST_MISMATCH`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "attachmentDigestMismatch": {
                "summary": "Corrupted upload",
                "value": {
                  "type": "https://hdld.invalid/problems/ATTACHMENT_DIGEST_MISMATCH",
                  "title": "Attachment does not match its SHA-256",
                  "status": 422,
                  "code": "ATTACHMENT_DIGEST_MISMATCH",
                  "detail": "technicalAudit.attachment.sha256 is 8f4e1a3b…, the bytes received hash to 2c26b46b….",
                  "instance": "/v1/provider-reports",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "ViolationReportNotFound": {
        "description": "No such violations report, or no line for that provider in it (`VIOLATION_REPORT_NOT_FOUND`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "examples": {
              "violationReportNotFound": {
                "summary": "Unknown report or line",
                "value": {
                  "type": "https://hdld.invalid/problems/VIOLATION_REPORT_NOT_FOUND",
                  "title": "Violations report not found",
                  "status": 404,
                  "code": "VIOLATION_REPORT_NOT_FOUND",
                  "detail": "Provider prov-unknown has no line in violations report 0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b.",
                  "instance": "/v1/violation-reports/0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                  "requestId": "req-7f3a9c"
                }
              }
            }
          }
        }
      },
      "SubmissionCompleted": {
        "description": "Received, checked and final within the `Prefer: wait` time: the transaction, as `getTransaction`\nreturns it, SUCCEEDED with its `contractId` or FAILED with its `errors` (T10), with its signed\nreceipt. The same transaction stays readable at `Location`.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "Location": {
            "$ref": "#/components/headers/Location"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Transaction"
            },
            "example": {
              "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
              "kind": "CONTRACT",
              "status": "SUCCEEDED",
              "providerReference": "HD-2026-000123",
              "contractId": "2604173920581648",
              "receivedAt": "2026-03-02T08:15:30Z",
              "completedAt": "2026-03-02T08:15:30Z",
              "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "late": false,
              "replay": false,
              "errors": []
            }
          }
        }
      }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details, extended with the catalog `code`, field `errors` and the request id.",
        "required": [
          "type",
          "title",
          "status",
          "code"
        ],
        "properties": {
          "type": {
            "type": "string",
            "format": "uri",
            "description": "URI identifying the problem type; one per catalog code."
          },
          "title": {
            "type": "string",
            "maxLength": 200,
            "description": "Short, localized summary of the problem type."
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "detail": {
            "type": "string",
            "maxLength": 2000,
            "description": "Localized explanation specific to this occurrence."
          },
          "instance": {
            "type": "string",
            "maxLength": 500
          },
          "code": {
            "$ref": "#/components/schemas/ErrorCode"
          },
          "errors": {
            "type": "array",
            "maxItems": 500,
            "description": "Per-field (or per-PDF location) details (T9).",
            "items": {
              "$ref": "#/components/schemas/ProblemDetailItem"
            }
          },
          "requestId": {
            "type": "string",
            "maxLength": 100
          },
          "retryAfterSeconds": {
            "type": "integer",
            "minimum": 0,
            "description": "For transient problems, when to try again."
          }
        }
      },
      "ProblemDetailItem": {
        "type": "object",
        "required": [
          "code",
          "detail"
        ],
        "properties": {
          "code": {
            "$ref": "#/components/schemas/ErrorCode"
          },
          "detail": {
            "type": "string",
            "maxLength": 1000
          },
          "severity": {
            "type": "string",
            "enum": [
              "ERROR",
              "WARNING"
            ],
            "description": "ERROR when absent. A WARNING (for example `SUBMISSION_LATE`) does not fail the transaction."
          },
          "pointer": {
            "type": "string",
            "maxLength": 500,
            "description": "RFC 6901 JSON pointer into the request body, for example `/mainData/employee/dateOfBirth`."
          },
          "location": {
            "type": "object",
            "description": "Location inside a PDF document, for signature and file problems.",
            "properties": {
              "document": {
                "type": "string",
                "maxLength": 200
              },
              "page": {
                "type": "integer",
                "minimum": 1
              },
              "field": {
                "type": "string",
                "maxLength": 200
              }
            }
          }
        }
      },
      "ErrorCode": {
        "type": "string",
        "description": "Stable code from the error catalog (`x-error-catalog`). Codes are never reused.",
        "enum": [
          "TRANSACTION_NOT_FOUND",
          "REQUEST_INVALID",
          "UNAUTHENTICATED",
          "INTERNAL_ERROR",
          "TOKEN_INVALID",
          "TOKEN_EXPIRED",
          "CLIENT_AUTH_FAILED",
          "FORBIDDEN",
          "RATE_LIMITED",
          "PAYLOAD_TOO_LARGE",
          "UNSUPPORTED_MEDIA_TYPE",
          "IDEMPOTENCY_KEY_REUSED",
          "IDEMPOTENCY_KEY_IN_USE",
          "CONTRACT_NOT_FOUND",
          "DOCUMENT_NOT_FOUND",
          "BATCH_TOO_LARGE",
          "DUPLICATE_PROVIDER_REFERENCE",
          "MAIN_DATA_INVALID",
          "MAIN_DATA_MISMATCH",
          "LABOR_TERM_INVALID",
          "EMPLOYEE_UNDERAGE",
          "DOCUMENT_MISSING",
          "FILE_TYPE_NOT_ALLOWED",
          "FILE_TOO_LARGE",
          "PDF_MALFORMED",
          "PDF_TOO_MANY_PAGES",
          "PDF_NOT_SIGNED",
          "SIGNATURE_INVALID",
          "SIGNATURE_DIGEST_MISMATCH",
          "SIGNATURE_BYTERANGE_INVALID",
          "SIGNATURE_MODIFIED_AFTER_SIGNING",
          "SIGNATURE_PARTY_MISMATCH",
          "SIGNATURE_PARTY_MISSING",
          "CERTIFICATE_UNTRUSTED",
          "CERTIFICATE_EXPIRED",
          "CERTIFICATE_REVOKED",
          "CERTIFICATE_USAGE_INVALID",
          "TIMESTAMP_MISSING",
          "TIMESTAMP_INVALID",
          "TIMESTAMP_UNTRUSTED",
          "REVOCATION_UNAVAILABLE",
          "EVIDENCE_INVALID",
          "EVIDENCE_DOCUMENT_MISMATCH",
          "CONVERSION_LOG_INVALID",
          "IDENTITY_NOT_FOUND",
          "IDENTITY_MISMATCH",
          "EMPLOYER_NOT_FOUND",
          "EMPLOYER_MISMATCH",
          "EMPLOYER_INACTIVE",
          "IDENTITY_REGISTRY_UNAVAILABLE",
          "LIFECYCLE_TRANSITION_INVALID",
          "CONTRACT_NOT_CONVERTED",
          "PROVIDER_SUSPENDED",
          "PROVIDER_DISCONNECTED",
          "ROUTE_NOT_FOUND",
          "SANDBOX_ONLY",
          "SERVICE_UNAVAILABLE",
          "SUBMISSION_LATE",
          "EXPLANATION_NOT_FOUND",
          "PROVIDER_NOT_FOUND",
          "TRANSACTION_NOT_AWAITING_EXPLANATION",
          "EXPLANATION_ALREADY_DECIDED",
          "REPUSH_NOT_APPROVED",
          "PROVIDER_STATUS_TRANSITION_INVALID",
          "PROVIDER_REPORT_NOT_FOUND",
          "PROVIDER_REPORT_CONFLICT",
          "REPORTING_PERIOD_NOT_ENDED",
          "ATTACHMENT_DIGEST_MISMATCH",
          "VIOLATION_REPORT_NOT_FOUND",
          "IP_NOT_ALLOWED",
          "PROCESSING_FAILED"
        ]
      },
      "Transaction": {
        "type": "object",
        "description": "A submission and its outcome. It can be looked up by id or provider reference, with no expiry.",
        "required": [
          "transactionId",
          "kind",
          "status",
          "providerReference",
          "receivedAt",
          "payloadSha256",
          "late",
          "replay",
          "errors"
        ],
        "properties": {
          "transactionId": {
            "type": "string",
            "format": "uuid"
          },
          "providerId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "description": "The provider that submitted it (operators see every provider's transactions)."
          },
          "kind": {
            "$ref": "#/components/schemas/TransactionKind"
          },
          "status": {
            "$ref": "#/components/schemas/TransactionStatus"
          },
          "failureClass": {
            "$ref": "#/components/schemas/FailureClass"
          },
          "explanationStatus": {
            "$ref": "#/components/schemas/ExplanationStatus",
            "description": "For a failed transaction, where its explanation and re-push stand (F36, F37); NONE otherwise."
          },
          "providerReference": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "The provider's own reference for the contract or document."
          },
          "contractId": {
            "$ref": "#/components/schemas/ContractId",
            "description": "The ID issued (or, on replay, the existing ID; for LIFECYCLE, the contract's ID)."
          },
          "receivedAt": {
            "type": "string",
            "format": "date-time"
          },
          "completedAt": {
            "type": "string",
            "format": "date-time"
          },
          "payloadSha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "late": {
            "type": "boolean",
            "description": "Submitted more than 24 hours after the last party signed."
          },
          "replay": {
            "type": "boolean",
            "description": "The same contract was already registered; `contractId` is the existing ID."
          },
          "duplicateOfReference": {
            "$ref": "#/components/schemas/ProviderReference",
            "description": "On replay, the provider reference under which this provider registered the contract (F9). Absent\nwhen the contract was registered by another provider, whose references are not shown.\n"
          },
          "supersedes": {
            "type": "string",
            "format": "uuid",
            "description": "This transaction is a corrected package for the failed transaction named here, sent under the\nsame provider reference after its re-push was approved (F36, F37).\n"
          },
          "supersededBy": {
            "type": "string",
            "format": "uuid",
            "description": "This failed transaction was replaced by a corrected package under the same provider reference\n(F36, F37): the transaction named here. It stays FAILED, with explanation status REPUSHED, as history.\n"
          },
          "errors": {
            "type": "array",
            "maxItems": 500,
            "description": "Problems found (T9); empty on success. Warnings (`severity` WARNING, e.g. `SUBMISSION_LATE`) do not fail the transaction.",
            "items": {
              "$ref": "#/components/schemas/ProblemDetailItem"
            }
          },
          "receipt": {
            "type": "string",
            "maxLength": 16384,
            "pattern": "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
            "description": "Compact JWS (RFC 7515) signed by the Platform whose payload is a `Receipt`; present once the\ntransaction is SUCCEEDED or FAILED. Verify it with `/.well-known/jwks.json`.\n"
          },
          "lifecycleType": {
            "$ref": "#/components/schemas/LifecycleType",
            "description": "For `kind` LIFECYCLE, the kind of document."
          },
          "targetContractId": {
            "$ref": "#/components/schemas/ContractId",
            "description": "For `kind` LIFECYCLE, the contract ID the document is attached to (Decree 337/2025 Art. 9.3)."
          },
          "lastSignedAt": {
            "type": "string",
            "format": "date-time",
            "description": "Time of the last party's signature (the contract takes effect then, Decree 337/2025 Art. 8); basis of `late`."
          },
          "retryAfterSeconds": {
            "type": "integer",
            "minimum": 0,
            "maximum": 3600,
            "description": "While RECEIVED or PROCESSING, when to poll again."
          },
          "signatures": {
            "type": "array",
            "maxItems": 50,
            "description": "Per-signature verification results (N2, F8), once signatures were checked.",
            "items": {
              "$ref": "#/components/schemas/VerificationReport"
            }
          }
        }
      },
      "TransactionStatus": {
        "type": "string",
        "description": "Processing status of a submission (T10).",
        "enum": [
          "RECEIVED",
          "PROCESSING",
          "SUCCEEDED",
          "FAILED"
        ]
      },
      "FailureClass": {
        "type": "string",
        "description": "Why a transaction failed (T10): format, business, file or signature error.",
        "enum": [
          "FORMAT",
          "BUSINESS",
          "FILE",
          "SIGNATURE"
        ]
      },
      "TransactionKind": {
        "type": "string",
        "enum": [
          "CONTRACT",
          "LIFECYCLE",
          "CONVERTED_PAPER"
        ]
      },
      "ContractId": {
        "type": "string",
        "description": "National contract ID (F9): 16 digits; the first two are the issuing year, the next twelve a keyed\npermutation of a sequence, the last two ISO 7064 MOD 97-10 check digits (the number mod 97 is 1).\nDisplayed as 4-4-4-4.\n",
        "pattern": "^[0-9]{16}$",
        "example": "2604173920581648"
      },
      "Sha256": {
        "type": "string",
        "description": "SHA-256 digest, lowercase hexadecimal.",
        "pattern": "^[0-9a-f]{64}$",
        "example": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
      },
      "ContractMainData": {
        "type": "object",
        "title": "ContractMainData",
        "description": "Main content of a labor contract, as Decree 337/2025 Art. 13.1.c requires (after Decree 145/2020):\nemployer, employee, job position, contract term and pay (DOMAIN.md T6: the field dictionary).\nDates are ISO 8601 calendar dates; money is an integer number of Vietnamese đồng.\n",
        "additionalProperties": false,
        "required": [
          "contractNumber",
          "concludedOn",
          "employer",
          "employee",
          "job",
          "term",
          "pay"
        ],
        "properties": {
          "contractNumber": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50,
            "description": "Number printed on the contract by the parties (Số hợp đồng).",
            "example": "123/2026/HĐLĐ"
          },
          "concludedOn": {
            "type": "string",
            "format": "date",
            "description": "Date the contract was concluded (ngày giao kết)."
          },
          "employer": {
            "$ref": "#/components/schemas/MainDataEmployer"
          },
          "employee": {
            "$ref": "#/components/schemas/MainDataEmployee"
          },
          "job": {
            "$ref": "#/components/schemas/MainDataJob"
          },
          "term": {
            "$ref": "#/components/schemas/MainDataTerm"
          },
          "pay": {
            "$ref": "#/components/schemas/MainDataPay"
          },
          "workingTime": {
            "$ref": "#/components/schemas/MainDataWorkingTime"
          },
          "socialInsurance": {
            "type": "boolean",
            "description": "Employee is in compulsory social insurance (feeds locality aggregates, Art. 13.1.d)."
          }
        },
        "example": {
          "contractNumber": "123/2026/HĐLĐ",
          "concludedOn": "2026-03-01",
          "employer": {
            "name": "Công ty TNHH Dệt may Sông Hồng",
            "taxCode": "0101234567",
            "address": "Số 12 phố Lê Duẩn, phường Cửa Nam, Hà Nội",
            "provinceCode": "01",
            "representative": {
              "fullName": "Trần Thị Mai",
              "title": "Giám đốc"
            }
          },
          "employee": {
            "fullName": "Nguyễn Văn An",
            "dateOfBirth": "1995-07-14",
            "sex": "MALE",
            "residence": "Thôn Đông, xã Phù Đổng, Hà Nội",
            "identity": {
              "type": "CCCD",
              "number": "001095012345"
            },
            "nationality": "VN"
          },
          "job": {
            "position": "MID_TECHNICAL",
            "title": "Kỹ thuật viên bảo trì máy",
            "workplace": "Nhà máy Sông Hồng, Khu công nghiệp Quang Minh, Hà Nội"
          },
          "term": {
            "type": "FIXED_TERM",
            "startDate": "2026-03-02",
            "endDate": "2028-03-01"
          },
          "pay": {
            "salary": 9500000,
            "form": "TIME_BASED",
            "method": "BANK_TRANSFER",
            "period": "MONTHLY",
            "allowances": [
              {
                "name": "Phụ cấp độc hại",
                "amount": 500000
              }
            ],
            "otherSupplements": [
              {
                "name": "Hỗ trợ xăng xe",
                "amount": 300000
              }
            ]
          },
          "workingTime": {
            "hoursPerDay": 8,
            "daysPerWeek": 6
          },
          "socialInsurance": true
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok",
              "unavailable"
            ]
          },
          "checks": {
            "type": "object",
            "additionalProperties": {
              "type": "string",
              "enum": [
                "ok",
                "unavailable"
              ]
            }
          }
        }
      },
      "MainDataEmployer": {
        "title": "MainDataEmployer",
        "type": "object",
        "additionalProperties": false,
        "description": "Employer (người sử dụng lao động).",
        "required": [
          "name",
          "address",
          "representative"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "taxCode": {
            "type": "string",
            "pattern": "^[0-9]{10}(-[0-9]{3})?$",
            "description": "Enterprise/tax code (mã số thuế), 10 digits or 10-3 for a branch."
          },
          "address": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500
          },
          "provinceCode": {
            "type": "string",
            "pattern": "^[0-9]{2}$",
            "description": "Code of the province or centrally-run city of the workplace (34 units since 2025)."
          },
          "representative": {
            "type": "object",
            "additionalProperties": false,
            "description": "Person signing for the employer.",
            "required": [
              "fullName",
              "title"
            ],
            "properties": {
              "fullName": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100
              },
              "title": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "description": "Title (chức danh), for example Giám đốc."
              }
            }
          }
        }
      },
      "MainDataEmployee": {
        "title": "MainDataEmployee",
        "type": "object",
        "additionalProperties": false,
        "description": "Employee (người lao động).",
        "required": [
          "fullName",
          "dateOfBirth",
          "sex",
          "residence",
          "identity"
        ],
        "properties": {
          "fullName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100
          },
          "dateOfBirth": {
            "type": "string",
            "format": "date"
          },
          "sex": {
            "type": "string",
            "enum": [
              "MALE",
              "FEMALE"
            ],
            "description": "Sex as recorded in the National Population Database."
          },
          "residence": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500,
            "description": "Place of residence (nơi cư trú)."
          },
          "identity": {
            "type": "object",
            "additionalProperties": false,
            "description": "Citizen ID (CCCD, 12 digits), old ID card (CMND, 9 digits) or passport number.",
            "required": [
              "type",
              "number"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "CCCD",
                  "CMND",
                  "PASSPORT"
                ]
              },
              "number": {
                "type": "string",
                "pattern": "^(?:[0-9]{12}|[0-9]{9}|[A-Z0-9]{6,12})$",
                "description": "Never logged; masked in every log line."
              }
            }
          },
          "nationality": {
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "description": "ISO 3166-1 alpha-2 nationality; VN when omitted."
          }
        }
      },
      "MainDataJob": {
        "title": "MainDataJob",
        "description": "Job position and title (vị trí việc làm, chức danh), Decree 337/2025 Art. 13.1.c.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "position",
          "title"
        ],
        "properties": {
          "position": {
            "type": "string",
            "enum": [
              "MANAGER",
              "HIGH_TECHNICAL",
              "MID_TECHNICAL",
              "OTHER"
            ],
            "description": "Job position (vị trí việc làm) as the statistics of Decree 145/2020 classify it."
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "Job or title name (chức danh, công việc)."
          },
          "workplace": {
            "type": "string",
            "maxLength": 500
          }
        }
      },
      "MainDataTerm": {
        "title": "MainDataTerm",
        "type": "object",
        "additionalProperties": false,
        "description": "Contract term (loại hợp đồng). A fixed term lasts at most 36 months (Labor Code Art. 20).",
        "required": [
          "type",
          "startDate"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "INDEFINITE",
              "FIXED_TERM",
              "UNDER_ONE_MONTH",
              "PROBATION"
            ]
          },
          "startDate": {
            "type": "string",
            "format": "date"
          },
          "endDate": {
            "type": "string",
            "format": "date",
            "description": "The term's last day (a 24-month term from 2026-03-02 ends on 2028-03-01). Required for FIXED_TERM, UNDER_ONE_MONTH and PROBATION; absent for INDEFINITE."
          }
        }
      },
      "MainDataPay": {
        "title": "MainDataPay",
        "description": "Pay (tiền lương), Decree 337/2025 Art. 13.1.c; Labor Code 2019 Art. 90, 96, 97. Amounts in đồng.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "salary",
          "form",
          "period",
          "method"
        ],
        "properties": {
          "salary": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10000000000,
            "description": "Salary by job or title per pay period, in đồng."
          },
          "form": {
            "type": "string",
            "enum": [
              "TIME_BASED",
              "PRODUCT_BASED",
              "PIECE_RATE"
            ],
            "description": "Form of pay (hình thức trả lương, Labor Code Art. 96)."
          },
          "method": {
            "type": "string",
            "enum": [
              "CASH",
              "BANK_TRANSFER"
            ]
          },
          "period": {
            "type": "string",
            "enum": [
              "HOURLY",
              "DAILY",
              "WEEKLY",
              "BIWEEKLY",
              "MONTHLY"
            ],
            "description": "Pay period (kỳ hạn trả lương)."
          },
          "allowances": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "name",
                "amount"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                },
                "amount": {
                  "type": "integer",
                  "minimum": 0,
                  "maximum": 10000000000
                }
              }
            }
          },
          "otherSupplements": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "name",
                "amount"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                },
                "amount": {
                  "type": "integer",
                  "minimum": 0,
                  "maximum": 10000000000
                }
              }
            }
          }
        }
      },
      "MainDataWorkingTime": {
        "title": "MainDataWorkingTime",
        "description": "Working time (thời giờ làm việc), optional; Labor Code 2019 Art. 105.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "hoursPerDay": {
            "type": "number",
            "minimum": 1,
            "maximum": 12
          },
          "daysPerWeek": {
            "type": "number",
            "minimum": 1,
            "maximum": 7
          },
          "description": {
            "type": "string",
            "maxLength": 500
          }
        }
      },
      "ContractMainDataChanges": {
        "type": "object",
        "title": "ContractMainDataChanges",
        "description": "Sections of the main data that an amendment or supplement replaces (Decree 337/2025 Art. 9.1,\n13.1.c). Each present section replaces the stored section as a whole; absent sections are kept.\nThe employee's identity cannot change through an amendment.\n",
        "additionalProperties": false,
        "properties": {
          "employer": {
            "$ref": "#/components/schemas/MainDataEmployer"
          },
          "job": {
            "$ref": "#/components/schemas/MainDataJob"
          },
          "term": {
            "$ref": "#/components/schemas/MainDataTerm"
          },
          "pay": {
            "$ref": "#/components/schemas/MainDataPay"
          },
          "workingTime": {
            "$ref": "#/components/schemas/MainDataWorkingTime"
          },
          "socialInsurance": {
            "type": "boolean"
          }
        }
      },
      "ProviderReference": {
        "type": "string",
        "title": "ProviderReference",
        "description": "The provider's own reference for a contract or a lifecycle document (1-100 characters, unique per\nprovider and document). Transactions can be looked up by it with no expiry (T10). Reusing a\nreference for different content fails with `DUPLICATE_PROVIDER_REFERENCE`, except for a corrected\npackage of a failed transaction whose re-push was approved (F36, F37), which supersedes it.\n",
        "minLength": 1,
        "maxLength": 100,
        "example": "HD-2026-000123"
      },
      "IdempotencyKey": {
        "type": "string",
        "title": "IdempotencyKey",
        "minLength": 1,
        "maxLength": 255,
        "description": "Client-chosen key, 1-255 characters; a UUID is recommended.",
        "example": "5f0c8c1e-2a44-4b0e-9d3f-6b1f2a7c9e10"
      },
      "Base64Document": {
        "type": "string",
        "title": "Base64Document",
        "contentEncoding": "base64",
        "description": "Standard base64 (RFC 4648 section 4, with padding) of the file bytes. A decoded document is at\nmost 10 MiB (10,485,760 bytes); larger files fail with `FILE_TOO_LARGE`, malformed base64 with\n`REQUEST_INVALID` (pointing at the field). Both are checked once, while decoding, rather than\nby the schema, so a 10 MiB document is not scanned three times.\n",
        "example": "JVBERi0xLjcKJcfsj6IK"
      },
      "SubmittedDocumentRole": {
        "type": "string",
        "title": "SubmittedDocumentRole",
        "description": "Role of a submitted file. `CONTRACT` is the principal signed document of the submission: the\nlabor contract itself, the sealed scan of a converted paper contract, or the signed lifecycle\ndocument named by the submission's `type`. `APPENDIX` is a signed appendix concluded together\nwith it; `OTHER` any related e-document (Decree 337/2025 Art. 13.1.a).\n",
        "enum": [
          "CONTRACT",
          "APPENDIX",
          "OTHER"
        ]
      },
      "SubmittedDocument": {
        "type": "object",
        "title": "SubmittedDocument",
        "description": "One signed file of a submission (DOMAIN.md T7, F7). v1 accepts PDF only (`FILE_TYPE_NOT_ALLOWED`\notherwise): at most 10 MiB decoded (`FILE_TOO_LARGE`) and 500 pages (`PDF_TOO_MANY_PAGES`).\n",
        "additionalProperties": false,
        "required": [
          "role",
          "fileName",
          "mediaType",
          "contentBase64"
        ],
        "properties": {
          "role": {
            "$ref": "#/components/schemas/SubmittedDocumentRole"
          },
          "fileName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[^/\\\\\\x00-\\x1f]+$",
            "description": "File name without a directory part, for display and download.",
            "example": "HD-123-2026.pdf"
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf"
            ],
            "description": "Media type of the file; only `application/pdf` in v1."
          },
          "contentBase64": {
            "$ref": "#/components/schemas/Base64Document"
          }
        },
        "example": {
          "role": "CONTRACT",
          "fileName": "HD-123-2026.pdf",
          "mediaType": "application/pdf",
          "contentBase64": "JVBERi0xLjcKJcfsj6IK"
        }
      },
      "CertificationEvidenceFile": {
        "type": "object",
        "title": "CertificationEvidenceFile",
        "description": "The provider's data message certification (chứng thực thông điệp dữ liệu, DOMAIN.md T8, N2): a\nCMS SignedData (RFC 5652, DER, `application/pkcs7-mime`) signed with the provider's certificate,\nwhose encapsulated content is a UTF-8 JSON document matching `CertificationEvidence`. At most\n1 MiB decoded. Failures: `EVIDENCE_INVALID`, `EVIDENCE_DOCUMENT_MISMATCH`.\n",
        "additionalProperties": false,
        "required": [
          "contentBase64"
        ],
        "properties": {
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pkcs7-mime"
            ],
            "description": "Always `application/pkcs7-mime`; may be omitted."
          },
          "contentBase64": {
            "type": "string",
            "contentEncoding": "base64",
            "contentMediaType": "application/pkcs7-mime",
            "minLength": 4,
            "description": "Base64 of the DER-encoded CMS SignedData, at most 1 MiB decoded (`FILE_TOO_LARGE`; malformed\nbase64 is `REQUEST_INVALID`, checked while decoding).\n"
          }
        },
        "example": {
          "mediaType": "application/pkcs7-mime",
          "contentBase64": "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABA=="
        }
      },
      "CertificationEvidence": {
        "type": "object",
        "title": "CertificationEvidence",
        "description": "JSON content of the certification evidence CMS (`CertificationEvidenceFile`): who signed which\ndocuments, when, with which identity and authentication (Decree 337/2025 Art. 7.1.d, 7.2;\nDOMAIN.md core flow steps 2 and 4, N2, F8). Every `documents[].sha256` must equal the SHA-256 of\na submitted document and `size` its decoded length (`EVIDENCE_DOCUMENT_MISMATCH`); every\n`signers[].certificateSha256` must match a signature in the PDF (`SIGNATURE_PARTY_MISSING`).\n",
        "additionalProperties": false,
        "required": [
          "version",
          "provider",
          "providerReference",
          "issuedAt",
          "documents",
          "signers",
          "events"
        ],
        "properties": {
          "version": {
            "const": 1,
            "description": "Format version of this document; 1 in v1 of the API."
          },
          "provider": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "id",
              "name"
            ],
            "description": "The certifying eContract provider.",
            "properties": {
              "id": {
                "type": "string",
                "minLength": 1,
                "maxLength": 64,
                "description": "Provider id assigned by the Platform (the OAuth2 client id)."
              },
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              }
            }
          },
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "issuedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the provider issued this certification."
          },
          "documents": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "name",
                "role",
                "sha256",
                "size"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 255,
                  "description": "File name, as in the submission."
                },
                "role": {
                  "$ref": "#/components/schemas/EvidenceDocumentRole"
                },
                "sha256": {
                  "$ref": "#/components/schemas/Sha256"
                },
                "size": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 10485760,
                  "description": "Size in bytes."
                }
              }
            }
          },
          "signers": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "party",
                "fullName",
                "certificateSha256",
                "authenticationMethod",
                "authenticatedAt",
                "signedAt"
              ],
              "properties": {
                "party": {
                  "type": "string",
                  "enum": [
                    "EMPLOYER",
                    "EMPLOYEE",
                    "PROVIDER",
                    "CONVERTER"
                  ],
                  "description": "Who signed. `CONVERTER` is the organisation that sealed a converted paper contract."
                },
                "fullName": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 100
                },
                "certificateSha256": {
                  "$ref": "#/components/schemas/Sha256"
                },
                "authenticationMethod": {
                  "type": "string",
                  "enum": [
                    "VNEID",
                    "OTP_SMS",
                    "PASSWORD_2FA",
                    "OTHER"
                  ],
                  "description": "How the eContract authenticated the signer before signing (Decree 337/2025 Art. 7.1.d)."
                },
                "authenticatedAt": {
                  "type": "string",
                  "format": "date-time"
                },
                "signedAt": {
                  "type": "string",
                  "format": "date-time"
                }
              }
            }
          },
          "events": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "at",
                "type",
                "actor"
              ],
              "properties": {
                "at": {
                  "type": "string",
                  "format": "date-time"
                },
                "type": {
                  "type": "string",
                  "enum": [
                    "CREATED",
                    "VIEWED",
                    "AUTHENTICATED",
                    "SIGNED",
                    "SENT",
                    "STORED"
                  ]
                },
                "actor": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                },
                "detail": {
                  "type": "string",
                  "maxLength": 1000
                }
              }
            }
          }
        },
        "example": {
          "version": 1,
          "provider": {
            "id": "prov-econtract-demo",
            "name": "Công ty Cổ phần Hợp đồng số Việt"
          },
          "providerReference": "HD-2026-000123",
          "issuedAt": "2026-03-02T08:10:00+07:00",
          "documents": [
            {
              "name": "HD-123-2026.pdf",
              "role": "CONTRACT",
              "sha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
              "size": 184320
            }
          ],
          "signers": [
            {
              "party": "EMPLOYER",
              "fullName": "Trần Thị Mai",
              "certificateSha256": "0b1e7c0f4a5b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbc",
              "authenticationMethod": "VNEID",
              "authenticatedAt": "2026-03-01T16:58:12+07:00",
              "signedAt": "2026-03-01T17:00:05+07:00"
            },
            {
              "party": "EMPLOYEE",
              "fullName": "Nguyễn Văn An",
              "certificateSha256": "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b",
              "authenticationMethod": "VNEID",
              "authenticatedAt": "2026-03-02T07:59:40+07:00",
              "signedAt": "2026-03-02T08:01:12+07:00"
            }
          ],
          "events": [
            {
              "at": "2026-03-01T16:40:00+07:00",
              "type": "CREATED",
              "actor": "Trần Thị Mai"
            },
            {
              "at": "2026-03-02T08:01:12+07:00",
              "type": "SIGNED",
              "actor": "Nguyễn Văn An",
              "detail": "Last signature; the contract takes effect (Decree 337/2025 Art. 8)."
            }
          ]
        }
      },
      "EvidenceDocumentRole": {
        "type": "string",
        "title": "EvidenceDocumentRole",
        "description": "Kind of a document named in the certification evidence.",
        "enum": [
          "CONTRACT",
          "APPENDIX",
          "AMENDMENT",
          "SUPPLEMENT",
          "SUSPENSION",
          "RESUMPTION",
          "TERMINATION",
          "CONVERTED_PAPER",
          "OTHER"
        ]
      },
      "TransactionLog": {
        "type": "object",
        "title": "TransactionLog",
        "description": "Transaction log of the contract in the eContract (nhật ký giao dịch, Decree 337/2025 Art. 13.1.đ;\nDOMAIN.md core flow step 2): access information, operation history and the chain of events of\ncreation, signing, amendment, suspension, termination and storage, with authentication times and\nmetadata. Events are in chronological order; 1 to 1000 events.\n",
        "additionalProperties": false,
        "required": [
          "system",
          "events"
        ],
        "properties": {
          "system": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name",
              "version"
            ],
            "description": "The eContract software that produced the log.",
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200
              },
              "version": {
                "type": "string",
                "minLength": 1,
                "maxLength": 50
              }
            }
          },
          "events": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "at",
                "type",
                "actor",
                "actorRole"
              ],
              "properties": {
                "at": {
                  "type": "string",
                  "format": "date-time"
                },
                "type": {
                  "type": "string",
                  "enum": [
                    "CREATED",
                    "ACCESSED",
                    "VIEWED",
                    "AUTHENTICATED",
                    "SIGNED",
                    "AMENDED",
                    "SUSPENDED",
                    "TERMINATED",
                    "STORED",
                    "SENT"
                  ]
                },
                "actor": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200,
                  "description": "Who acted (name or account id). Personal data is protected as T17 requires."
                },
                "actorRole": {
                  "type": "string",
                  "enum": [
                    "EMPLOYER",
                    "EMPLOYEE",
                    "PROVIDER",
                    "SYSTEM"
                  ]
                },
                "ip": {
                  "type": "string",
                  "maxLength": 45,
                  "description": "Client IP address (IPv4 or IPv6), when known."
                },
                "userAgent": {
                  "type": "string",
                  "maxLength": 500
                },
                "documentSha256": {
                  "$ref": "#/components/schemas/Sha256"
                },
                "detail": {
                  "type": "string",
                  "maxLength": 1000
                }
              }
            }
          }
        },
        "example": {
          "system": {
            "name": "VietSign eContract",
            "version": "4.2.1"
          },
          "events": [
            {
              "at": "2026-03-01T16:40:00+07:00",
              "type": "CREATED",
              "actor": "tran.thi.mai@songhong.example",
              "actorRole": "EMPLOYER",
              "ip": "203.0.113.10"
            },
            {
              "at": "2026-03-01T17:00:05+07:00",
              "type": "SIGNED",
              "actor": "tran.thi.mai@songhong.example",
              "actorRole": "EMPLOYER",
              "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
            },
            {
              "at": "2026-03-02T08:01:12+07:00",
              "type": "SIGNED",
              "actor": "nguyen.van.an",
              "actorRole": "EMPLOYEE",
              "ip": "198.51.100.7",
              "userAgent": "Mozilla/5.0 (Linux; Android 14)",
              "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
            },
            {
              "at": "2026-03-02T08:01:30+07:00",
              "type": "STORED",
              "actor": "VietSign eContract",
              "actorRole": "SYSTEM"
            }
          ]
        }
      },
      "ConversionLog": {
        "type": "object",
        "title": "ConversionLog",
        "description": "Conversion log of a paper labor contract converted to a data message (Decree 337/2025 Art. 9.2.a,\n13.1.b; Law on Electronic Transactions 2023 Art. 12.1; DOMAIN.md core flow step 3). At least one\nof `personName` (with `personTitle`) or `organisationName` must be given: who converted the\ncontract. A log naming neither, or whose `sha256`, `fileSize` or `pageCount` differ from the\nsubmitted scan, fails with `CONVERSION_LOG_INVALID`.\n",
        "additionalProperties": false,
        "required": [
          "system",
          "completedAt",
          "fileFormat",
          "fileSize",
          "pageCount",
          "sha256",
          "sealSignature",
          "matchesOriginal"
        ],
        "properties": {
          "system": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "Name (and version) of the converting system or software."
          },
          "personName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "Full name of the person who converted the contract."
          },
          "personTitle": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "Title (chức danh) of that person."
          },
          "organisationName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "description": "Name of the converting organisation, when an organisation converted it."
          },
          "completedAt": {
            "type": "string",
            "format": "date-time",
            "description": "Date and time the conversion finished."
          },
          "fileFormat": {
            "const": "application/pdf",
            "description": "Format of the converted file."
          },
          "fileSize": {
            "type": "integer",
            "minimum": 1,
            "maximum": 10485760,
            "description": "Size of the converted file in bytes."
          },
          "pageCount": {
            "type": "integer",
            "minimum": 1,
            "maximum": 500
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "sealSignature": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "signerCertificateSha256",
              "timestampedAt"
            ],
            "description": "The converting organisation's digital signature sealing the file, with its timestamp.",
            "properties": {
              "signerCertificateSha256": {
                "$ref": "#/components/schemas/Sha256"
              },
              "timestampedAt": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "matchesOriginal": {
            "const": true,
            "description": "Confirms the converted copy was checked and matches the paper original."
          }
        },
        "example": {
          "system": "ScanSeal 3.0",
          "personName": "Lê Văn Bình",
          "personTitle": "Chuyên viên hành chính",
          "organisationName": "Công ty TNHH Dệt may Sông Hồng",
          "completedAt": "2026-03-05T10:20:00+07:00",
          "fileFormat": "application/pdf",
          "fileSize": 524288,
          "pageCount": 4,
          "sha256": "5d41402abc4b2a76b9719d911017c592aaf07e6b0a3c1d2e3f4a5b6c7d8e9f00",
          "sealSignature": {
            "signerCertificateSha256": "7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069",
            "timestampedAt": "2026-03-05T10:20:02+07:00"
          },
          "matchesOriginal": true
        }
      },
      "ContractSubmission": {
        "type": "object",
        "title": "ContractSubmission",
        "description": "One signed electronic labor contract sent by a provider (DOMAIN.md N1, F7, S2.1, T5-T8; Decree\n337/2025 Art. 13.1.a, c, đ): the main data, the signed PDF(s) (the signed contract first, role\n`CONTRACT`), the certification evidence and the transaction log. The whole JSON request body is at\nmost 16 MiB (`PAYLOAD_TOO_LARGE`); each document at most 10 MiB decoded. It should be sent within\n24 hours of the last signature (otherwise it is accepted but flagged `SUBMISSION_LATE`).\n",
        "additionalProperties": false,
        "required": [
          "providerReference",
          "mainData",
          "documents",
          "evidence",
          "transactionLog"
        ],
        "properties": {
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "mainData": {
            "$ref": "#/components/schemas/ContractMainData"
          },
          "documents": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "description": "Signed files; the first one is the signed contract (role `CONTRACT`), then appendices and other e-documents.",
            "items": {
              "$ref": "#/components/schemas/SubmittedDocument"
            }
          },
          "evidence": {
            "$ref": "#/components/schemas/CertificationEvidenceFile"
          },
          "transactionLog": {
            "$ref": "#/components/schemas/TransactionLog"
          }
        }
      },
      "LifecycleType": {
        "type": "string",
        "title": "LifecycleType",
        "description": "Kind of a later document attached to an existing contract ID (Decree 337/2025 Art. 9.3; DOMAIN.md\nN5, F10): appendix, amendment, supplement, suspension (tạm hoãn), resumption after suspension, or\ntermination (chấm dứt).\n",
        "enum": [
          "APPENDIX",
          "AMENDMENT",
          "SUPPLEMENT",
          "SUSPENSION",
          "RESUMPTION",
          "TERMINATION"
        ]
      },
      "LifecycleSubmission": {
        "type": "object",
        "title": "LifecycleSubmission",
        "description": "A later document of an existing contract (appendix, amendment, supplement, suspension, resumption,\ntermination) concluded electronically and attached to the same contract ID (Decree 337/2025\nArt. 9.1, 9.3; DOMAIN.md N5, F10). Same size limits as `ContractSubmission`. The transition must\nbe allowed by the contract's state (`LIFECYCLE_TRANSITION_INVALID`).\n",
        "additionalProperties": false,
        "required": [
          "type",
          "providerReference",
          "effectiveOn",
          "documents",
          "evidence",
          "transactionLog"
        ],
        "properties": {
          "type": {
            "$ref": "#/components/schemas/LifecycleType"
          },
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "effectiveOn": {
            "type": "string",
            "format": "date",
            "description": "Date the document takes effect (for a suspension, the first day of suspension)."
          },
          "summary": {
            "type": "string",
            "maxLength": 2000,
            "description": "Short human-readable summary of the document."
          },
          "changes": {
            "$ref": "#/components/schemas/ContractMainDataChanges",
            "description": "For AMENDMENT and SUPPLEMENT, the main data sections the document changes (optional)."
          },
          "documents": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "description": "Signed files; the first is the signed lifecycle document (role `CONTRACT`).",
            "items": {
              "$ref": "#/components/schemas/SubmittedDocument"
            }
          },
          "evidence": {
            "$ref": "#/components/schemas/CertificationEvidenceFile"
          },
          "transactionLog": {
            "$ref": "#/components/schemas/TransactionLog"
          }
        }
      },
      "ConvertedPaperSubmission": {
        "type": "object",
        "title": "ConvertedPaperSubmission",
        "description": "A labor contract concluded on paper and converted to a data message (Decree 337/2025 Art. 9.2.a,\n13.1.b; DOMAIN.md core flow step 3, N1): the main data, the sealed scanned PDF (role `CONTRACT`,\nincluding earlier paper amendments) and the conversion log. It gets an ID like an electronic\ncontract; only then can e-documents amend it (`CONTRACT_NOT_CONVERTED`).\n",
        "additionalProperties": false,
        "required": [
          "providerReference",
          "mainData",
          "documents",
          "conversionLog"
        ],
        "properties": {
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "mainData": {
            "$ref": "#/components/schemas/ContractMainData"
          },
          "documents": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "description": "The sealed scanned contract first (role `CONTRACT`), then scanned appendices.",
            "items": {
              "$ref": "#/components/schemas/SubmittedDocument"
            }
          },
          "conversionLog": {
            "$ref": "#/components/schemas/ConversionLog"
          },
          "transactionLog": {
            "$ref": "#/components/schemas/TransactionLog"
          }
        }
      },
      "SubmissionAcknowledgement": {
        "type": "object",
        "title": "SubmissionAcknowledgement",
        "description": "Immediate answer to a submission (DOMAIN.md S2.1, T10): the package was received and queued. The\noutcome (ID issued or failure) follows asynchronously; poll `statusUrl` no sooner than\n`retryAfterSeconds`, or look the transaction up by `providerReference`.\n",
        "additionalProperties": false,
        "required": [
          "transactionId",
          "receivedAt",
          "payloadSha256",
          "providerReference",
          "status",
          "statusUrl"
        ],
        "properties": {
          "transactionId": {
            "type": "string",
            "format": "uuid"
          },
          "kind": {
            "$ref": "#/components/schemas/TransactionKind"
          },
          "receivedAt": {
            "type": "string",
            "format": "date-time"
          },
          "payloadSha256": {
            "$ref": "#/components/schemas/Sha256",
            "description": "SHA-256 of the raw request body as received (for a batch item, of that item's JSON)."
          },
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "status": {
            "$ref": "#/components/schemas/TransactionStatus"
          },
          "statusUrl": {
            "type": "string",
            "maxLength": 500,
            "description": "Path of the transaction resource, `/v1/transactions/{transactionId}`."
          },
          "retryAfterSeconds": {
            "type": "integer",
            "minimum": 0,
            "maximum": 3600,
            "description": "Polling hint, in seconds."
          },
          "supersedes": {
            "type": "string",
            "format": "uuid",
            "description": "The failed transaction this corrected package replaces, under the same provider reference, after\nits re-push was approved (F36, F37); the failed one then names this one as `supersededBy`.\n"
          }
        },
        "example": {
          "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
          "kind": "CONTRACT",
          "receivedAt": "2026-03-02T08:15:30Z",
          "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
          "providerReference": "HD-2026-000123",
          "status": "RECEIVED",
          "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
          "retryAfterSeconds": 2
        }
      },
      "BatchSubmission": {
        "type": "object",
        "title": "BatchSubmission",
        "description": "Up to 50 contract submissions in one request (DOMAIN.md T5). The request body is at most 32 MiB;\nmore items or bytes fail the whole request with `BATCH_TOO_LARGE`. Each item is processed (and\nacknowledged) independently.\n",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "minItems": 1,
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/ContractSubmission"
            }
          }
        }
      },
      "BatchItemResult": {
        "type": "object",
        "title": "BatchItemResult",
        "description": "Result for one batch item, in request order: exactly one of `acknowledgement` (queued, with its own\ntransaction id) or `problem` (refused at intake, for example `REQUEST_INVALID`).\n",
        "additionalProperties": false,
        "required": [
          "index"
        ],
        "properties": {
          "index": {
            "type": "integer",
            "minimum": 0,
            "maximum": 49,
            "description": "Zero-based position of the item in the request."
          },
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "acknowledgement": {
            "$ref": "#/components/schemas/SubmissionAcknowledgement"
          },
          "problem": {
            "$ref": "#/components/schemas/Problem"
          }
        }
      },
      "BatchAcknowledgement": {
        "type": "object",
        "title": "BatchAcknowledgement",
        "description": "Per-item results of a batch submission (DOMAIN.md T5), one per request item, in order.",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "minItems": 1,
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/BatchItemResult"
            }
          }
        }
      },
      "TransactionPage": {
        "type": "object",
        "title": "TransactionPage",
        "description": "One page of the provider's transaction history (DOMAIN.md T10, F35), newest first.",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 500,
            "items": {
              "$ref": "#/components/schemas/Transaction"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 500,
            "description": "Opaque cursor of the next page; null or absent on the last page."
          }
        }
      },
      "ContractState": {
        "type": "string",
        "title": "ContractState",
        "description": "Lifecycle state of a contract with an ID (DOMAIN.md F10): `ACTIVE` once the ID is issued,\n`SUSPENDED` after a suspension (back to `ACTIVE` on resumption), `TERMINATED` after termination,\n`ARCHIVED` when the Platform archives a terminated contract. No transition leaves `TERMINATED`\nexcept to `ARCHIVED`.\n",
        "enum": [
          "ACTIVE",
          "SUSPENDED",
          "TERMINATED",
          "ARCHIVED"
        ]
      },
      "DocumentKind": {
        "type": "string",
        "title": "DocumentKind",
        "description": "Kind of a stored document of a contract (DOMAIN.md S1.2, F10).",
        "enum": [
          "CONTRACT",
          "APPENDIX",
          "AMENDMENT",
          "SUPPLEMENT",
          "SUSPENSION",
          "RESUMPTION",
          "TERMINATION",
          "CONVERTED_PAPER",
          "EVIDENCE",
          "TRANSACTION_LOG",
          "CONVERSION_LOG",
          "OTHER"
        ]
      },
      "ContractDocument": {
        "type": "object",
        "title": "ContractDocument",
        "description": "A document stored under a contract ID, downloadable with `downloadDocument` (DOMAIN.md S1.2).",
        "additionalProperties": false,
        "required": [
          "documentId",
          "kind",
          "fileName",
          "mediaType",
          "size",
          "sha256",
          "transactionId",
          "addedAt"
        ],
        "properties": {
          "documentId": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]{1,64}$"
          },
          "kind": {
            "$ref": "#/components/schemas/DocumentKind"
          },
          "fileName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf",
              "application/pkcs7-mime",
              "application/json"
            ]
          },
          "size": {
            "type": "integer",
            "minimum": 0,
            "description": "Size in bytes."
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "transactionId": {
            "type": "string",
            "format": "uuid",
            "description": "The transaction that brought the document."
          },
          "addedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Contract": {
        "type": "object",
        "title": "Contract",
        "description": "A labor contract with its national ID, its current main data, documents and history (DOMAIN.md\nF9, F10, N4, N5, S1.1). `mainData` reflects amendments and supplements in force.\n",
        "additionalProperties": false,
        "required": [
          "contractId",
          "state",
          "origin",
          "mainData",
          "issuedAt",
          "late",
          "providerReference",
          "documents",
          "history"
        ],
        "properties": {
          "contractId": {
            "$ref": "#/components/schemas/ContractId"
          },
          "state": {
            "$ref": "#/components/schemas/ContractState"
          },
          "origin": {
            "type": "string",
            "enum": [
              "ELECTRONIC",
              "CONVERTED_PAPER"
            ],
            "description": "Concluded electronically, or concluded on paper and converted (Decree 337/2025 Art. 9.2)."
          },
          "mainData": {
            "$ref": "#/components/schemas/ContractMainData"
          },
          "issuedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the ID was issued."
          },
          "late": {
            "type": "boolean",
            "description": "The initial submission arrived more than 24 hours after the last signature."
          },
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "documents": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/ContractDocument"
            }
          },
          "history": {
            "type": "array",
            "maxItems": 1000,
            "description": "Lifecycle events, oldest first.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "at",
                "event",
                "toState"
              ],
              "properties": {
                "at": {
                  "type": "string",
                  "format": "date-time"
                },
                "event": {
                  "type": "string",
                  "enum": [
                    "ISSUED",
                    "APPENDIX_ADDED",
                    "AMENDED",
                    "SUPPLEMENTED",
                    "SUSPENDED",
                    "RESUMED",
                    "TERMINATED",
                    "ARCHIVED"
                  ]
                },
                "transactionId": {
                  "type": "string",
                  "format": "uuid",
                  "description": "The transaction that caused the event; absent for events the Platform originates (`ARCHIVED`)."
                },
                "fromState": {
                  "$ref": "#/components/schemas/ContractState",
                  "description": "Absent for `ISSUED`."
                },
                "toState": {
                  "$ref": "#/components/schemas/ContractState"
                }
              }
            }
          }
        }
      },
      "VerificationReport": {
        "type": "object",
        "title": "VerificationReport",
        "description": "Validation result of one signature or seal in a submitted PDF, following ETSI EN 319 102-1\n(indication and sub-indication) (DOMAIN.md N2, F8, S2.2). `code` is the catalog code of the\nfirst problem found, absent when the signature passed.\n",
        "additionalProperties": false,
        "required": [
          "indication",
          "signer",
          "coversWholeDocument"
        ],
        "properties": {
          "indication": {
            "type": "string",
            "enum": [
              "TOTAL_PASSED",
              "INDETERMINATE",
              "TOTAL_FAILED"
            ]
          },
          "subIndication": {
            "type": "string",
            "description": "ETSI EN 319 102-1 sub-indication, when the indication is not TOTAL_PASSED.",
            "enum": [
              "FORMAT_FAILURE",
              "HASH_FAILURE",
              "SIG_CRYPTO_FAILURE",
              "REVOKED",
              "SIG_CONSTRAINTS_FAILURE",
              "CHAIN_CONSTRAINTS_FAILURE",
              "CERTIFICATE_CHAIN_GENERAL_FAILURE",
              "CRYPTO_CONSTRAINTS_FAILURE",
              "EXPIRED",
              "NOT_YET_VALID",
              "POLICY_PROCESSING_ERROR",
              "SIGNATURE_POLICY_NOT_AVAILABLE",
              "TIMESTAMP_ORDER_FAILURE",
              "NO_SIGNING_CERTIFICATE_FOUND",
              "NO_CERTIFICATE_CHAIN_FOUND",
              "REVOKED_NO_POE",
              "REVOKED_CA_NO_POE",
              "OUT_OF_BOUNDS_NO_POE",
              "OUT_OF_BOUNDS_NOT_REVOKED",
              "CRYPTO_CONSTRAINTS_FAILURE_NO_POE",
              "NO_POE",
              "TRY_LATER",
              "SIGNED_DATA_NOT_FOUND"
            ]
          },
          "document": {
            "type": "string",
            "maxLength": 255,
            "description": "File name of the signed document."
          },
          "fieldName": {
            "type": "string",
            "maxLength": 200,
            "description": "Name of the PDF signature field."
          },
          "party": {
            "type": "string",
            "enum": [
              "EMPLOYER",
              "EMPLOYEE",
              "PROVIDER",
              "CONVERTER"
            ],
            "description": "The party the signature was matched to, through the certification evidence."
          },
          "signer": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "commonName",
              "serialNumber",
              "issuer",
              "certificateSha256"
            ],
            "properties": {
              "commonName": {
                "type": "string",
                "maxLength": 500
              },
              "serialNumber": {
                "type": "string",
                "maxLength": 100,
                "description": "Certificate serial number, hexadecimal."
              },
              "issuer": {
                "type": "string",
                "maxLength": 1000,
                "description": "Issuer distinguished name (RFC 4514)."
              },
              "certificateSha256": {
                "$ref": "#/components/schemas/Sha256"
              }
            }
          },
          "signingTime": {
            "type": "string",
            "format": "date-time",
            "description": "Claimed signing time from the signed attributes."
          },
          "timestamp": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "time",
              "tsa"
            ],
            "description": "RFC 3161 signature timestamp, when present.",
            "properties": {
              "time": {
                "type": "string",
                "format": "date-time"
              },
              "tsa": {
                "type": "string",
                "maxLength": 1000,
                "description": "Subject name of the timestamping authority."
              }
            }
          },
          "coversWholeDocument": {
            "type": "boolean",
            "description": "The signed byte range covers the whole file (no bytes appended after signing)."
          },
          "code": {
            "$ref": "#/components/schemas/ErrorCode"
          },
          "notes": {
            "type": "array",
            "maxItems": 20,
            "description": "Facts worth knowing that do not fail the signature.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "code"
              ],
              "properties": {
                "code": {
                  "type": "string",
                  "enum": [
                    "REVOCATION_NOT_CHECKED",
                    "SIGNING_TIME_UNPROVEN",
                    "REVOKED_AFTER_SIGNING"
                  ],
                  "description": "Revocation could not be checked (sandbox); the signing time rests only on the signer's claim (no timestamp); the certificate was revoked after the proven signing time."
                },
                "detail": {
                  "type": "string",
                  "maxLength": 1000
                }
              }
            }
          }
        },
        "example": {
          "indication": "TOTAL_PASSED",
          "document": "HD-123-2026.pdf",
          "fieldName": "Signature2",
          "party": "EMPLOYEE",
          "signer": {
            "commonName": "NGUYỄN VĂN AN",
            "serialNumber": "5403a1b2c3d4e5f6",
            "issuer": "CN=Demo CA,O=Demo Trust Services,C=VN",
            "certificateSha256": "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b"
          },
          "signingTime": "2026-03-02T01:01:12Z",
          "timestamp": {
            "time": "2026-03-02T01:01:13Z",
            "tsa": "CN=Demo TSA,O=Demo Trust Services,C=VN"
          },
          "coversWholeDocument": true
        }
      },
      "Receipt": {
        "type": "object",
        "title": "Receipt",
        "description": "Decoded payload of the Platform's receipt, a compact JWS (RFC 7515) in `Transaction.receipt`,\nsigned with a key published at `/.well-known/jwks.json` (its `kid` in the JWS header). It proves\nthe outcome of a transaction without a call back to the Platform (DOMAIN.md F9, S2.2).\n",
        "additionalProperties": false,
        "required": [
          "iss",
          "transactionId",
          "providerReference",
          "outcome",
          "payloadSha256",
          "issuedAt",
          "verifyUrl"
        ],
        "properties": {
          "iss": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500,
            "description": "Issuer, the Platform's base URL."
          },
          "transactionId": {
            "type": "string",
            "format": "uuid"
          },
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "outcome": {
            "type": "string",
            "enum": [
              "ISSUED",
              "REJECTED",
              "REPLAY"
            ],
            "description": "ID issued, submission rejected, or the contract already had an ID (`contractId` is the existing one)."
          },
          "contractId": {
            "$ref": "#/components/schemas/ContractId"
          },
          "errors": {
            "type": "array",
            "maxItems": 100,
            "description": "Catalog codes of the problems, for a rejected submission.",
            "items": {
              "$ref": "#/components/schemas/ErrorCode"
            }
          },
          "payloadSha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "issuedAt": {
            "type": "string",
            "format": "date-time"
          },
          "verifyUrl": {
            "type": "string",
            "maxLength": 500,
            "description": "URL where anyone with the right can check the transaction."
          }
        },
        "example": {
          "iss": "http://127.0.0.1:8080",
          "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
          "providerReference": "HD-2026-000123",
          "outcome": "ISSUED",
          "contractId": "2604173920581648",
          "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
          "issuedAt": "2026-03-02T08:15:31Z",
          "verifyUrl": "http://127.0.0.1:8080/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e"
        }
      },
      "PlatformKeys": {
        "type": "object",
        "title": "PlatformKeys",
        "description": "JSON Web Key Set (RFC 7517) of the Platform's public keys that sign receipts. Keys are rotated;\na retired key stays published while receipts signed with it may still be verified.\n",
        "required": [
          "keys"
        ],
        "properties": {
          "keys": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "items": {
              "type": "object",
              "required": [
                "kty",
                "kid"
              ],
              "description": "A public JWK; private members are never published.",
              "properties": {
                "kty": {
                  "type": "string",
                  "enum": [
                    "OKP",
                    "EC",
                    "RSA"
                  ]
                },
                "kid": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                },
                "use": {
                  "type": "string",
                  "enum": [
                    "sig"
                  ]
                },
                "alg": {
                  "type": "string",
                  "enum": [
                    "EdDSA",
                    "ES256",
                    "ES384",
                    "RS256",
                    "PS256"
                  ]
                },
                "crv": {
                  "type": "string",
                  "enum": [
                    "Ed25519",
                    "P-256",
                    "P-384"
                  ]
                },
                "x": {
                  "type": "string",
                  "pattern": "^[A-Za-z0-9_-]+$"
                },
                "y": {
                  "type": "string",
                  "pattern": "^[A-Za-z0-9_-]+$"
                },
                "n": {
                  "type": "string",
                  "pattern": "^[A-Za-z0-9_-]+$"
                },
                "e": {
                  "type": "string",
                  "pattern": "^[A-Za-z0-9_-]+$"
                }
              }
            }
          }
        },
        "example": {
          "keys": [
            {
              "kty": "OKP",
              "crv": "Ed25519",
              "kid": "platform-2026-01",
              "use": "sig",
              "alg": "EdDSA",
              "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
            }
          ]
        }
      },
      "TokenRequest": {
        "title": "TokenRequest",
        "description": "OAuth2 client credentials grant (RFC 6749 section 4.4), form encoded. Client authentication by\n`private_key_jwt` (RFC 7523 section 2.2: `client_assertion_type` and `client_assertion`, a JWT\nsigned with the provider's registered key, `aud` = the token URL, lifetime at most 5 minutes,\nunique `jti`) is the preferred method and the only one in production. `client_secret_post`\n(`client_id` and `client_secret`) is accepted from providers in the sandbox only. Ministry\noperators authenticate with their client id and secret in every mode; their token carries the\n`operator` role. Failures: `CLIENT_AUTH_FAILED`.\n",
        "oneOf": [
          {
            "type": "object",
            "title": "PrivateKeyJwtTokenRequest",
            "additionalProperties": false,
            "required": [
              "grant_type",
              "client_assertion_type",
              "client_assertion"
            ],
            "properties": {
              "grant_type": {
                "const": "client_credentials"
              },
              "client_assertion_type": {
                "const": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
              },
              "client_assertion": {
                "type": "string",
                "minLength": 1,
                "maxLength": 8192,
                "pattern": "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
                "description": "Compact JWS with iss = sub = client id, aud = token URL, exp, iat and jti."
              },
              "client_id": {
                "type": "string",
                "minLength": 1,
                "maxLength": 64,
                "description": "Optional; must equal the assertion's `sub` when present."
              },
              "scope": {
                "type": "string",
                "maxLength": 500,
                "description": "Space-separated scopes; all the client's scopes when absent."
              }
            }
          },
          {
            "type": "object",
            "title": "ClientSecretTokenRequest",
            "additionalProperties": false,
            "required": [
              "grant_type",
              "client_id",
              "client_secret"
            ],
            "properties": {
              "grant_type": {
                "const": "client_credentials"
              },
              "client_id": {
                "type": "string",
                "minLength": 1,
                "maxLength": 64
              },
              "client_secret": {
                "type": "string",
                "format": "password",
                "minLength": 1,
                "maxLength": 500,
                "description": "Sandbox only."
              },
              "scope": {
                "type": "string",
                "maxLength": 500
              }
            }
          }
        ]
      },
      "TokenResponse": {
        "type": "object",
        "title": "TokenResponse",
        "description": "Access token response (RFC 6749 section 5.1). Tokens are short-lived; request a new one on `TOKEN_EXPIRED`.",
        "additionalProperties": false,
        "required": [
          "access_token",
          "token_type",
          "expires_in"
        ],
        "properties": {
          "access_token": {
            "type": "string",
            "minLength": 1,
            "maxLength": 8192
          },
          "token_type": {
            "const": "Bearer"
          },
          "expires_in": {
            "type": "integer",
            "minimum": 1,
            "maximum": 86400,
            "description": "Lifetime in seconds."
          },
          "scope": {
            "type": "string",
            "maxLength": 500
          }
        },
        "example": {
          "access_token": "eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJwcm92LWVjb250cmFjdC1kZW1vIn0.c2lnbmF0dXJl",
          "token_type": "Bearer",
          "expires_in": 900,
          "scope": "contracts:write contracts:read"
        }
      },
      "SandboxIdentityRegistration": {
        "type": "object",
        "title": "SandboxIdentityRegistration",
        "description": "Test persons for the sandbox population registry and test enterprises for the sandbox business\nregistry (each list 1 to 1000 per call; either or both).\n",
        "additionalProperties": false,
        "properties": {
          "identities": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "identityNumber",
                "fullName",
                "dateOfBirth",
                "sex"
              ],
              "properties": {
                "identityNumber": {
                  "type": "string",
                  "pattern": "^(?:[0-9]{12}|[0-9]{9}|[A-Z0-9]{6,12})$",
                  "description": "Citizen ID (CCCD, 12 digits), old ID card (CMND, 9 digits) or passport number."
                },
                "fullName": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 100
                },
                "dateOfBirth": {
                  "type": "string",
                  "format": "date"
                },
                "sex": {
                  "type": "string",
                  "enum": [
                    "MALE",
                    "FEMALE"
                  ]
                }
              }
            }
          },
          "enterprises": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "description": "Employers as the National Business Registration Portal would answer for them.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "taxCode",
                "name",
                "address",
                "status"
              ],
              "properties": {
                "taxCode": {
                  "type": "string",
                  "pattern": "^[0-9]{10}(-[0-9]{3})?$",
                  "description": "Enterprise/tax code (mã số thuế), 10 digits or 10-3 for a branch."
                },
                "name": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 255
                },
                "address": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 500
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "ACTIVE",
                    "SUSPENDED",
                    "DISSOLVING",
                    "DISSOLVED",
                    "REVOKED"
                  ],
                  "description": "ACTIVE (đang hoạt động), SUSPENDED (tạm ngừng kinh doanh), DISSOLVING (đang làm thủ tục\ngiải thể), DISSOLVED (đã giải thể), REVOKED (bị thu hồi giấy chứng nhận đăng ký). Only an\nACTIVE employer passes the identity check.\n"
                }
              }
            }
          }
        }
      },
      "SandboxIdentityRegistrationResult": {
        "type": "object",
        "title": "SandboxIdentityRegistrationResult",
        "additionalProperties": false,
        "required": [
          "registered"
        ],
        "properties": {
          "registered": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "SandboxClockChange": {
        "title": "SandboxClockChange",
        "description": "Moves the sandbox clock, to test the 24-hour rule (`SUBMISSION_LATE`) and time-dependent checks\n(certificate expiry) (DOMAIN.md S2.4 \"test environment\"): either forward by `advanceSeconds`, or\nto a given `offsetSeconds` from real time (0 resets it).\n",
        "oneOf": [
          {
            "type": "object",
            "title": "SandboxClockAdvance",
            "additionalProperties": false,
            "required": [
              "advanceSeconds"
            ],
            "properties": {
              "advanceSeconds": {
                "type": "integer",
                "minimum": 0,
                "maximum": 315360000
              }
            }
          },
          {
            "type": "object",
            "title": "SandboxClockOffset",
            "additionalProperties": false,
            "required": [
              "offsetSeconds"
            ],
            "properties": {
              "offsetSeconds": {
                "type": "integer",
                "minimum": -315360000,
                "maximum": 315360000
              }
            }
          }
        ]
      },
      "SandboxClock": {
        "type": "object",
        "title": "SandboxClock",
        "description": "The sandbox Platform's current time and its offset from real time.",
        "additionalProperties": false,
        "required": [
          "now",
          "offsetSeconds"
        ],
        "properties": {
          "now": {
            "type": "string",
            "format": "date-time"
          },
          "offsetSeconds": {
            "type": "integer"
          }
        },
        "example": {
          "now": "2026-03-03T08:15:30Z",
          "offsetSeconds": 86400
        }
      },
      "ExplanationStatus": {
        "type": "string",
        "title": "ExplanationStatus",
        "description": "Where a transaction stands in the failed-transaction workflow (DOMAIN.md F36, F37): `NONE` (not\nfailed), `AWAITING_EXPLANATION` (FAILED, the provider owes an explanation), `PENDING_APPROVAL`\n(explained, an operator must decide), `APPROVED` (may be pushed again), `REJECTED` (explain\nagain or fix and resubmit), `REPUSHED` (pushed again; a new failure makes it `AWAITING_EXPLANATION`).\n",
        "enum": [
          "NONE",
          "AWAITING_EXPLANATION",
          "PENDING_APPROVAL",
          "APPROVED",
          "REJECTED",
          "REPUSHED"
        ]
      },
      "ExplanationState": {
        "type": "string",
        "title": "ExplanationState",
        "description": "An explanation is `PENDING` until an operator `APPROVED` or `REJECTED` it (DOMAIN.md F37).",
        "enum": [
          "PENDING",
          "APPROVED",
          "REJECTED"
        ]
      },
      "ExplanationAttachmentUpload": {
        "type": "object",
        "title": "ExplanationAttachmentUpload",
        "description": "A small supporting file sent with an explanation (DOMAIN.md F36), at most 2 MiB decoded.",
        "additionalProperties": false,
        "required": [
          "fileName",
          "mediaType",
          "contentBase64"
        ],
        "properties": {
          "fileName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[^/\\\\\\x00-\\x1f]+$"
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf",
              "image/png",
              "image/jpeg",
              "text/plain"
            ]
          },
          "contentBase64": {
            "type": "string",
            "format": "byte",
            "contentEncoding": "base64",
            "minLength": 4,
            "maxLength": 2796204,
            "description": "Standard base64 of the file bytes (2 MiB decoded at most)."
          }
        },
        "example": {
          "fileName": "registry-correction.pdf",
          "mediaType": "application/pdf",
          "contentBase64": "JVBERi0xLjcKJcfsj6IK"
        }
      },
      "ExplanationAttachment": {
        "type": "object",
        "title": "ExplanationAttachment",
        "description": "A file attached to an explanation. `contentBase64` is returned by `getExplanation` only; lists\ncarry the description alone.\n",
        "additionalProperties": false,
        "required": [
          "fileName",
          "mediaType",
          "size",
          "sha256"
        ],
        "properties": {
          "fileName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf",
              "image/png",
              "image/jpeg",
              "text/plain"
            ]
          },
          "size": {
            "type": "integer",
            "minimum": 0,
            "maximum": 2097152
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "contentBase64": {
            "type": "string",
            "format": "byte",
            "contentEncoding": "base64",
            "maxLength": 2796204
          }
        }
      },
      "ExplanationSubmission": {
        "type": "object",
        "title": "ExplanationSubmission",
        "description": "A provider's explanation of one or many of its FAILED transactions awaiting explanation (or whose\nprevious explanation was rejected) (DOMAIN.md F36). Each transaction may be in one pending\nexplanation at a time.\n",
        "additionalProperties": false,
        "required": [
          "transactionIds",
          "text"
        ],
        "properties": {
          "transactionIds": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
              "type": "string",
              "format": "uuid"
            }
          },
          "text": {
            "type": "string",
            "minLength": 10,
            "maxLength": 5000,
            "description": "Why the transactions failed and what was corrected, in English or Vietnamese."
          },
          "attachments": {
            "type": "array",
            "maxItems": 5,
            "items": {
              "$ref": "#/components/schemas/ExplanationAttachmentUpload"
            }
          }
        },
        "example": {
          "transactionIds": [
            "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f"
          ],
          "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push."
        }
      },
      "ExplanationTransaction": {
        "type": "object",
        "title": "ExplanationTransaction",
        "description": "A transaction covered by an explanation, and when and by whom it was pushed again (DOMAIN.md F37).",
        "additionalProperties": false,
        "required": [
          "transactionId",
          "providerReference"
        ],
        "properties": {
          "transactionId": {
            "type": "string",
            "format": "uuid"
          },
          "providerReference": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100
          },
          "repushedAt": {
            "type": "string",
            "format": "date-time"
          },
          "repushedBy": {
            "type": "string",
            "maxLength": 100,
            "description": "Client id of the provider application that pushed it again."
          }
        }
      },
      "Explanation": {
        "type": "object",
        "title": "Explanation",
        "description": "A provider's explanation of failed transactions and the operator's decision (DOMAIN.md F36,\nF37). Every step carries who and when: submitted (provider client id), decided (operator id),\npushed again (per transaction).\n",
        "additionalProperties": false,
        "required": [
          "explanationId",
          "providerId",
          "state",
          "text",
          "transactions",
          "attachments",
          "submittedAt",
          "submittedBy"
        ],
        "properties": {
          "explanationId": {
            "type": "string",
            "format": "uuid"
          },
          "providerId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "state": {
            "$ref": "#/components/schemas/ExplanationState"
          },
          "text": {
            "type": "string",
            "minLength": 1,
            "maxLength": 5000
          },
          "transactions": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/ExplanationTransaction"
            }
          },
          "attachments": {
            "type": "array",
            "maxItems": 5,
            "items": {
              "$ref": "#/components/schemas/ExplanationAttachment"
            }
          },
          "submittedAt": {
            "type": "string",
            "format": "date-time"
          },
          "submittedBy": {
            "type": "string",
            "maxLength": 100,
            "description": "Client id of the provider application that submitted it."
          },
          "decidedAt": {
            "type": "string",
            "format": "date-time"
          },
          "decidedBy": {
            "type": "string",
            "maxLength": 100,
            "description": "Id of the Ministry operator who decided."
          },
          "decisionReason": {
            "type": "string",
            "maxLength": 2000
          }
        },
        "example": {
          "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
          "providerId": "prov-econtract-demo",
          "state": "APPROVED",
          "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
          "transactions": [
            {
              "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
              "providerReference": "HD-2026-000122"
            }
          ],
          "attachments": [],
          "submittedAt": "2026-03-03T09:00:00Z",
          "submittedBy": "prov-econtract-demo",
          "decidedAt": "2026-03-03T10:30:00Z",
          "decidedBy": "moha-operator-01",
          "decisionReason": "Registry correction confirmed."
        }
      },
      "ExplanationPage": {
        "type": "object",
        "title": "ExplanationPage",
        "description": "One page of explanations, newest first (DOMAIN.md F36, F37).",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 500,
            "items": {
              "$ref": "#/components/schemas/Explanation"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 500,
            "description": "Opaque cursor of the next page; null or absent on the last page."
          }
        }
      },
      "ExplanationDecision": {
        "type": "object",
        "title": "ExplanationDecision",
        "description": "An operator's decision on a pending explanation, with its reason (DOMAIN.md F37).",
        "additionalProperties": false,
        "required": [
          "decision",
          "reason"
        ],
        "properties": {
          "decision": {
            "type": "string",
            "enum": [
              "APPROVED",
              "REJECTED"
            ]
          },
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000
          }
        },
        "example": {
          "decision": "APPROVED",
          "reason": "Registry correction confirmed."
        }
      },
      "ReconciliationFigures": {
        "type": "object",
        "title": "ReconciliationFigures",
        "description": "Transactions received in the period, by status (DOMAIN.md F35, T10). `received` = `notProcessed`\n+ `processing` + `succeeded` + `failed`. `failuresByCode` counts FAILED transactions whose errors\ninclude the code (a transaction with two codes counts under each).\n",
        "additionalProperties": false,
        "required": [
          "received",
          "notProcessed",
          "processing",
          "succeeded",
          "failed",
          "awaitingExplanation",
          "failuresByCode"
        ],
        "properties": {
          "received": {
            "type": "integer",
            "minimum": 0
          },
          "notProcessed": {
            "type": "integer",
            "minimum": 0,
            "description": "Status RECEIVED."
          },
          "processing": {
            "type": "integer",
            "minimum": 0
          },
          "succeeded": {
            "type": "integer",
            "minimum": 0
          },
          "failed": {
            "type": "integer",
            "minimum": 0
          },
          "awaitingExplanation": {
            "type": "integer",
            "minimum": 0,
            "description": "FAILED transactions whose `explanationStatus` is `AWAITING_EXPLANATION` (F36)."
          },
          "failuresByCode": {
            "type": "array",
            "maxItems": 200,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "code",
                "count"
              ],
              "properties": {
                "code": {
                  "$ref": "#/components/schemas/ErrorCode"
                },
                "count": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          }
        }
      },
      "ProviderReconciliation": {
        "type": "object",
        "title": "ProviderReconciliation",
        "description": "One provider's reconciliation figures, with links to drill down into its transactions (DOMAIN.md F35).",
        "additionalProperties": false,
        "required": [
          "providerId",
          "providerName",
          "providerStatus",
          "figures",
          "apiCalls",
          "transactionsUrl",
          "failedTransactionsUrl"
        ],
        "properties": {
          "providerId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "providerName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "providerStatus": {
            "$ref": "#/components/schemas/ProviderStatus"
          },
          "figures": {
            "$ref": "#/components/schemas/ReconciliationFigures"
          },
          "apiCalls": {
            "type": "integer",
            "minimum": 0,
            "description": "Authenticated API calls of the provider logged in the period (F35, T11)."
          },
          "transactionsUrl": {
            "type": "string",
            "maxLength": 1000,
            "description": "The `listTransactions` request listing these transactions."
          },
          "failedTransactionsUrl": {
            "type": "string",
            "maxLength": 1000,
            "description": "The `listTransactions` request listing the failed ones."
          }
        }
      },
      "Reconciliation": {
        "type": "object",
        "title": "Reconciliation",
        "description": "Reconciliation report of provider transactions (DOMAIN.md F35): per provider, what was received\nin the period `[from, to)` (by `receivedAt`) and where it stands now. A provider sees itself only.\n",
        "additionalProperties": false,
        "required": [
          "generatedAt",
          "providers",
          "totals"
        ],
        "properties": {
          "from": {
            "type": "string",
            "format": "date-time"
          },
          "to": {
            "type": "string",
            "format": "date-time"
          },
          "generatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "providers": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/ProviderReconciliation"
            }
          },
          "totals": {
            "$ref": "#/components/schemas/ReconciliationFigures"
          }
        }
      },
      "ProviderStatus": {
        "type": "string",
        "title": "ProviderStatus",
        "description": "Connection status of a provider (DOMAIN.md N8, F12; Decree 337/2025 Art. 15.4). A SUSPENDED\nprovider can be restored to ACTIVE; DISCONNECTED is final.\n",
        "enum": [
          "ACTIVE",
          "SUSPENDED",
          "DISCONNECTED"
        ]
      },
      "ProviderCapability": {
        "type": "string",
        "title": "ProviderCapability",
        "description": "What a provider's integration sends to the Platform (DOMAIN.md N8 \"integration capability\", F30).",
        "enum": [
          "CONTRACT",
          "BATCH",
          "LIFECYCLE",
          "CONVERTED_PAPER"
        ]
      },
      "ProviderStatusChange": {
        "type": "object",
        "title": "ProviderStatusChange",
        "description": "One change of a provider's connection status, with its reason, actor and time (DOMAIN.md N8, F12).",
        "additionalProperties": false,
        "required": [
          "status",
          "reason",
          "changedBy",
          "changedAt"
        ],
        "properties": {
          "previousStatus": {
            "$ref": "#/components/schemas/ProviderStatus"
          },
          "status": {
            "$ref": "#/components/schemas/ProviderStatus"
          },
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000
          },
          "changedBy": {
            "type": "string",
            "maxLength": 100,
            "description": "Id of the Ministry operator."
          },
          "changedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "ProviderStatusUpdate": {
        "type": "object",
        "title": "ProviderStatusUpdate",
        "description": "Suspend, restore or disconnect a provider, with the reason notified to it (Decree 337/2025 Art. 15.4).",
        "additionalProperties": false,
        "required": [
          "status",
          "reason"
        ],
        "properties": {
          "status": {
            "$ref": "#/components/schemas/ProviderStatus"
          },
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000
          }
        },
        "example": {
          "status": "SUSPENDED",
          "reason": "Failure rate above 20% in February 2026 and 14 failed transactions left unexplained."
        }
      },
      "Provider": {
        "type": "object",
        "title": "Provider",
        "description": "A provider's profile in the registry (DOMAIN.md N8, F12, S2.3): contact, connection status,\nintegration capabilities, how it authenticates and its technical info (callback URL, IP\nallow-list, when its webhook secret was made; the secret itself is never returned).\n`statusHistory` (oldest first) is returned by `getProvider`.\n",
        "additionalProperties": false,
        "required": [
          "providerId",
          "name",
          "contactEmail",
          "status",
          "createdAt",
          "capabilities",
          "authenticationMethods"
        ],
        "properties": {
          "providerId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "contactEmail": {
            "type": "string",
            "format": "email",
            "maxLength": 320
          },
          "status": {
            "$ref": "#/components/schemas/ProviderStatus"
          },
          "statusChangedAt": {
            "type": "string",
            "format": "date-time"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "capabilities": {
            "type": "array",
            "maxItems": 10,
            "items": {
              "$ref": "#/components/schemas/ProviderCapability"
            }
          },
          "authenticationMethods": {
            "type": "array",
            "maxItems": 2,
            "description": "Client authentication registered for the provider (`client_secret` works in the sandbox only).",
            "items": {
              "type": "string",
              "enum": [
                "private_key_jwt",
                "client_secret"
              ]
            }
          },
          "callbackUrl": {
            "type": "string",
            "format": "uri",
            "maxLength": 2048,
            "description": "Where signed transaction results are posted (F4); see `updateProviderTechnicalInfo`."
          },
          "ipAllowList": {
            "type": "array",
            "maxItems": 100,
            "description": "CIDRs the provider must call from; empty allows any address (N8).",
            "items": {
              "type": "string",
              "maxLength": 64
            }
          },
          "webhookSecretSetAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the current webhook secret was made (`rotateWebhookSecret`); absent when there is none."
          },
          "statusHistory": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/ProviderStatusChange"
            }
          }
        },
        "example": {
          "providerId": "prov-econtract-demo",
          "name": "Công ty eContract Demo",
          "contactEmail": "ops@econtract-demo.invalid",
          "status": "ACTIVE",
          "statusChangedAt": "2026-03-05T08:00:00Z",
          "createdAt": "2026-01-10T02:00:00Z",
          "capabilities": [
            "CONTRACT",
            "BATCH",
            "LIFECYCLE",
            "CONVERTED_PAPER"
          ],
          "authenticationMethods": [
            "private_key_jwt"
          ],
          "callbackUrl": "https://econtract-demo.invalid/hooks/hdld",
          "ipAllowList": [
            "203.0.113.0/24"
          ],
          "webhookSecretSetAt": "2026-01-10T02:30:00Z",
          "statusHistory": [
            {
              "previousStatus": "ACTIVE",
              "status": "SUSPENDED",
              "reason": "Failure rate above 20% in February 2026.",
              "changedBy": "moha-operator-01",
              "changedAt": "2026-03-01T01:00:00Z"
            },
            {
              "previousStatus": "SUSPENDED",
              "status": "ACTIVE",
              "reason": "Explanations received and approved.",
              "changedBy": "moha-operator-01",
              "changedAt": "2026-03-05T08:00:00Z"
            }
          ]
        }
      },
      "Caller": {
        "type": "object",
        "title": "Caller",
        "description": "Who the bearer token belongs to (DOMAIN.md T3, T4, T17): a provider's application, which sees\nits own data only, or a Ministry operator, whose data scope is the nation. A provider also gets\nits own registry profile with its connection status (N8, S2.3).\n",
        "additionalProperties": false,
        "required": [
          "kind",
          "role",
          "scope",
          "clientId"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "provider",
              "operator"
            ]
          },
          "role": {
            "type": "string",
            "enum": [
              "provider",
              "operator"
            ],
            "description": "The `role` claim of the access token; more roles may come (T3, T4)."
          },
          "scope": {
            "type": "string",
            "enum": [
              "provider",
              "nation"
            ],
            "description": "What data the caller may read - its own (`provider`) or every provider's (`nation`)."
          },
          "clientId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "description": "The OAuth2 client the token was issued to."
          },
          "providerId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "description": "Providers only."
          },
          "operatorId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "description": "Operators only."
          },
          "provider": {
            "$ref": "#/components/schemas/Provider"
          }
        },
        "example": {
          "kind": "provider",
          "role": "provider",
          "scope": "provider",
          "clientId": "econtract-demo-app",
          "providerId": "prov-econtract-demo",
          "provider": {
            "providerId": "prov-econtract-demo",
            "name": "Công ty eContract Demo",
            "contactEmail": "ops@econtract-demo.invalid",
            "status": "ACTIVE",
            "createdAt": "2026-01-10T02:00:00Z",
            "capabilities": [
              "CONTRACT",
              "BATCH",
              "LIFECYCLE",
              "CONVERTED_PAPER"
            ],
            "authenticationMethods": [
              "private_key_jwt"
            ],
            "ipAllowList": []
          }
        }
      },
      "ProviderList": {
        "type": "object",
        "title": "ProviderList",
        "description": "Every registered provider (DOMAIN.md N8, F12), by name.",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/Provider"
            }
          }
        }
      },
      "PublicProvider": {
        "type": "object",
        "title": "PublicProvider",
        "description": "A connected provider as published on the public pages (DOMAIN.md F30, N14).",
        "additionalProperties": false,
        "required": [
          "name",
          "capabilities"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "capabilities": {
            "type": "array",
            "maxItems": 10,
            "items": {
              "$ref": "#/components/schemas/ProviderCapability"
            }
          }
        }
      },
      "PublicProviderList": {
        "type": "object",
        "title": "PublicProviderList",
        "description": "The providers currently connected (status ACTIVE), by name (DOMAIN.md F30).",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/PublicProvider"
            }
          }
        }
      },
      "ReportingPeriod": {
        "type": "string",
        "title": "ReportingPeriod",
        "description": "A calendar month in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), `YYYY-MM`: from\n00:00 on its 1st to 00:00 on the 1st of the next month, Vietnam time.\n",
        "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
        "minLength": 7,
        "maxLength": 7,
        "example": "2026-02"
      },
      "ProviderReportFigures": {
        "type": "object",
        "title": "ProviderReportFigures",
        "description": "The month's figures of the provider's eContract service (Decree 337/2025 Art. 25.6; DOMAIN.md F33).",
        "additionalProperties": false,
        "required": [
          "contractsHandled",
          "contractsSigned",
          "contractsSubmitted",
          "incidents"
        ],
        "properties": {
          "contractsHandled": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1000000000,
            "description": "Labor contracts created or worked on in the eContract during the month."
          },
          "contractsSigned": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1000000000,
            "description": "Contracts whose last party signed during the month."
          },
          "contractsSubmitted": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1000000000,
            "description": "Contracts sent to the Platform during the month."
          },
          "incidents": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1000000,
            "description": "Service incidents during the month (outages, security events, data errors); describe them in `text`."
          }
        },
        "example": {
          "contractsHandled": 1250,
          "contractsSigned": 1180,
          "contractsSubmitted": 1176,
          "incidents": 1
        }
      },
      "ReportAttachmentUpload": {
        "type": "object",
        "title": "ReportAttachmentUpload",
        "description": "The technical audit report as a PDF, at most 10 MiB decoded, with the SHA-256 of its bytes so\nthe Platform can check it arrived intact (`ATTACHMENT_DIGEST_MISMATCH` otherwise).\n",
        "additionalProperties": false,
        "required": [
          "fileName",
          "mediaType",
          "sha256",
          "contentBase64"
        ],
        "properties": {
          "fileName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[^/\\\\\\x00-\\x1f]+$"
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf"
            ]
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "contentBase64": {
            "type": "string",
            "format": "byte",
            "contentEncoding": "base64",
            "minLength": 4,
            "maxLength": 13981016,
            "description": "Standard base64 of the file bytes (10 MiB decoded at most)."
          }
        },
        "example": {
          "fileName": "audit-2026.pdf",
          "mediaType": "application/pdf",
          "sha256": "8f4e1a3b0f1c2e6d3f9b7a5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e",
          "contentBase64": "JVBERi0xLjcKJcfsj6IK"
        }
      },
      "ReportAttachment": {
        "type": "object",
        "title": "ReportAttachment",
        "description": "The technical audit report file of a monthly report. `contentBase64` is returned by\n`getProviderReport` only; lists carry the description alone.\n",
        "additionalProperties": false,
        "required": [
          "fileName",
          "mediaType",
          "size",
          "sha256"
        ],
        "properties": {
          "fileName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf"
            ]
          },
          "size": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10485760
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "contentBase64": {
            "type": "string",
            "format": "byte",
            "contentEncoding": "base64",
            "maxLength": 13981016
          }
        }
      },
      "TechnicalAuditResult": {
        "type": "string",
        "title": "TechnicalAuditResult",
        "description": "The auditor's conclusion on the certification service.",
        "enum": [
          "PASSED",
          "PASSED_WITH_FINDINGS",
          "FAILED"
        ]
      },
      "TechnicalAuditUpload": {
        "type": "object",
        "title": "TechnicalAuditUpload",
        "description": "The result of a technical audit of the provider's data message certification service (DOMAIN.md\nF33), with the audit report attached.\n",
        "additionalProperties": false,
        "required": [
          "auditor",
          "auditedOn",
          "result",
          "attachment"
        ],
        "properties": {
          "auditor": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "description": "The organisation that audited the certification service."
          },
          "auditedOn": {
            "type": "string",
            "format": "date",
            "description": "When the audit ended."
          },
          "result": {
            "$ref": "#/components/schemas/TechnicalAuditResult"
          },
          "summary": {
            "type": "string",
            "maxLength": 5000
          },
          "attachment": {
            "$ref": "#/components/schemas/ReportAttachmentUpload"
          }
        },
        "example": {
          "auditor": "Công ty Kiểm định An toàn Thông tin ABC",
          "auditedOn": "2026-02-20",
          "result": "PASSED_WITH_FINDINGS",
          "summary": "Two minor findings on log retention, fixed on 2026-02-25.",
          "attachment": {
            "fileName": "audit-2026.pdf",
            "mediaType": "application/pdf",
            "sha256": "8f4e1a3b0f1c2e6d3f9b7a5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e",
            "contentBase64": "JVBERi0xLjcKJcfsj6IK"
          }
        }
      },
      "TechnicalAudit": {
        "type": "object",
        "title": "TechnicalAudit",
        "description": "A technical audit result of the provider's certification service, as sent (DOMAIN.md F33).",
        "additionalProperties": false,
        "required": [
          "auditor",
          "auditedOn",
          "result",
          "attachment"
        ],
        "properties": {
          "auditor": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "auditedOn": {
            "type": "string",
            "format": "date"
          },
          "result": {
            "$ref": "#/components/schemas/TechnicalAuditResult"
          },
          "summary": {
            "type": "string",
            "maxLength": 5000
          },
          "attachment": {
            "$ref": "#/components/schemas/ReportAttachment"
          }
        }
      },
      "ProviderReportSubmission": {
        "type": "object",
        "title": "ProviderReportSubmission",
        "description": "A provider's monthly report on its eContract service (Decree 337/2025 Art. 25.6; DOMAIN.md F33)\nfor a month that has ended. To correct a report already sent, send the whole report again with\n`replacesVersion` set to its latest version: a new version is kept beside the earlier ones.\n",
        "additionalProperties": false,
        "required": [
          "period",
          "figures",
          "text"
        ],
        "properties": {
          "period": {
            "$ref": "#/components/schemas/ReportingPeriod"
          },
          "figures": {
            "$ref": "#/components/schemas/ProviderReportFigures"
          },
          "text": {
            "type": "string",
            "minLength": 10,
            "maxLength": 20000,
            "description": "How the service went during the month (incidents, changes, support), in English or Vietnamese."
          },
          "technicalAudit": {
            "$ref": "#/components/schemas/TechnicalAuditUpload"
          },
          "replacesVersion": {
            "type": "integer",
            "minimum": 1,
            "description": "Only to correct a report already sent; the latest version, which this one replaces."
          }
        },
        "example": {
          "period": "2026-01",
          "figures": {
            "contractsHandled": 1250,
            "contractsSigned": 1180,
            "contractsSubmitted": 1176,
            "incidents": 1
          },
          "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
        }
      },
      "ReportTimeliness": {
        "type": "string",
        "title": "ReportTimeliness",
        "description": "Where a provider's monthly report stands against its deadline (before the 30th of the next\nmonth, Vietnam time; Decree 337/2025 Art. 25.6), by its first version: ON_TIME (sent before the\ndeadline), LATE (sent at or after it), MISSING (deadline passed, none sent), DUE (none sent yet,\ndeadline not passed).\n",
        "enum": [
          "ON_TIME",
          "LATE",
          "MISSING",
          "DUE"
        ]
      },
      "ProviderReport": {
        "type": "object",
        "title": "ProviderReport",
        "description": "One version of a provider's monthly report (DOMAIN.md F33). `timeliness` is decided by the\nfirst version (`firstSubmittedAt`), so a correction never makes an on-time report late.\n",
        "additionalProperties": false,
        "required": [
          "reportId",
          "providerId",
          "period",
          "version",
          "latestVersion",
          "timeliness",
          "deadline",
          "firstSubmittedAt",
          "submittedAt",
          "submittedBy",
          "figures",
          "text"
        ],
        "properties": {
          "reportId": {
            "type": "string",
            "format": "uuid"
          },
          "providerId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "period": {
            "$ref": "#/components/schemas/ReportingPeriod"
          },
          "version": {
            "type": "integer",
            "minimum": 1
          },
          "latestVersion": {
            "type": "integer",
            "minimum": 1,
            "description": "The highest version of the same provider and month; greater than `version` when corrected since."
          },
          "timeliness": {
            "$ref": "#/components/schemas/ReportTimeliness"
          },
          "deadline": {
            "type": "string",
            "format": "date-time",
            "description": "00:00 on the 30th of the month after `period`, Vietnam time (1 March when that month is February); exclusive."
          },
          "firstSubmittedAt": {
            "type": "string",
            "format": "date-time"
          },
          "submittedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When this version was sent."
          },
          "submittedBy": {
            "type": "string",
            "maxLength": 100,
            "description": "Client id of the provider application that sent this version."
          },
          "figures": {
            "$ref": "#/components/schemas/ProviderReportFigures"
          },
          "text": {
            "type": "string",
            "minLength": 1,
            "maxLength": 20000
          },
          "technicalAudit": {
            "$ref": "#/components/schemas/TechnicalAudit"
          }
        },
        "example": {
          "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
          "providerId": "prov-econtract-demo",
          "period": "2026-01",
          "version": 1,
          "latestVersion": 1,
          "timeliness": "ON_TIME",
          "deadline": "2026-02-28T17:00:00Z",
          "firstSubmittedAt": "2026-02-10T03:00:00Z",
          "submittedAt": "2026-02-10T03:00:00Z",
          "submittedBy": "prov-econtract-demo",
          "figures": {
            "contractsHandled": 1250,
            "contractsSigned": 1180,
            "contractsSubmitted": 1176,
            "incidents": 1
          },
          "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
        }
      },
      "ProviderReportPage": {
        "type": "object",
        "title": "ProviderReportPage",
        "description": "One page of monthly reports (latest version of each), newest first (DOMAIN.md F33).",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 500,
            "items": {
              "$ref": "#/components/schemas/ProviderReport"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 500,
            "description": "Opaque cursor of the next page; null or absent on the last page."
          }
        }
      },
      "ProviderReportTracking": {
        "type": "object",
        "title": "ProviderReportTracking",
        "description": "Who owes the monthly report on `period` and where each stands at `evaluatedAt` (the Platform's\nclock) (DOMAIN.md F33; Decree 337/2025 Art. 25.6). A provider owes it when it was registered\nbefore the month ended and not disconnected before it began.\n",
        "additionalProperties": false,
        "required": [
          "period",
          "deadline",
          "evaluatedAt",
          "items"
        ],
        "properties": {
          "period": {
            "$ref": "#/components/schemas/ReportingPeriod"
          },
          "deadline": {
            "type": "string",
            "format": "date-time"
          },
          "evaluatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "items": {
            "type": "array",
            "maxItems": 10000,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "providerId",
                "providerName",
                "timeliness"
              ],
              "properties": {
                "providerId": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 64
                },
                "providerName": {
                  "type": "string",
                  "maxLength": 255
                },
                "timeliness": {
                  "$ref": "#/components/schemas/ReportTimeliness"
                },
                "reportId": {
                  "type": "string",
                  "format": "uuid",
                  "description": "The latest version, when one was sent."
                },
                "latestVersion": {
                  "type": "integer",
                  "minimum": 1
                },
                "firstSubmittedAt": {
                  "type": "string",
                  "format": "date-time"
                }
              }
            }
          }
        }
      },
      "ViolationThresholds": {
        "type": "object",
        "title": "ViolationThresholds",
        "description": "The thresholds a violations report was made with (server settings HDLD_VIOLATION_*), recorded in\nthe report so that it can be recomputed (DOMAIN.md F38).\n",
        "additionalProperties": false,
        "required": [
          "failureRatePercent",
          "minimumVolume",
          "unexplainedAfterDays",
          "lateSubmissions"
        ],
        "properties": {
          "failureRatePercent": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "description": "FAILURE_RATE when failed / decided is strictly above this percentage (default 20)…"
          },
          "minimumVolume": {
            "type": "integer",
            "minimum": 1,
            "description": "…and at least this many transactions received in the month were decided (default 20)."
          },
          "unexplainedAfterDays": {
            "type": "integer",
            "minimum": 0,
            "description": "UNEXPLAINED_FAILURES counts failed transactions still awaiting an explanation this many days after they failed, at the month's end (default 7)."
          },
          "lateSubmissions": {
            "type": "integer",
            "minimum": 1,
            "description": "LATE_SUBMISSIONS when at least this many submissions of the month came more than 24 h after the last signature (default 1)."
          }
        },
        "example": {
          "failureRatePercent": 20,
          "minimumVolume": 20,
          "unexplainedAfterDays": 7,
          "lateSubmissions": 1
        }
      },
      "ViolationRule": {
        "type": "string",
        "title": "ViolationRule",
        "description": "A rule of the monthly violations report (DOMAIN.md F38): FAILURE_RATE (too many failed\ntransactions), UNEXPLAINED_FAILURES (failures left without an explanation, F36),\nLATE_SUBMISSIONS (sent more than 24 h after the last signature), MONTHLY_REPORT_MISSING and\nMONTHLY_REPORT_LATE (the provider's report due during the month, Decree 337/2025 Art. 25.6).\n",
        "enum": [
          "FAILURE_RATE",
          "UNEXPLAINED_FAILURES",
          "LATE_SUBMISSIONS",
          "MONTHLY_REPORT_MISSING",
          "MONTHLY_REPORT_LATE"
        ]
      },
      "Violation": {
        "type": "object",
        "title": "Violation",
        "description": "One rule a provider broke in the month, with what was observed and a sentence in the caller's language.",
        "additionalProperties": false,
        "required": [
          "rule",
          "detail"
        ],
        "properties": {
          "rule": {
            "$ref": "#/components/schemas/ViolationRule"
          },
          "count": {
            "type": "integer",
            "minimum": 0,
            "description": "UNEXPLAINED_FAILURES, LATE_SUBMISSIONS - how many transactions."
          },
          "failed": {
            "type": "integer",
            "minimum": 0,
            "description": "FAILURE_RATE - failed transactions."
          },
          "decided": {
            "type": "integer",
            "minimum": 0,
            "description": "FAILURE_RATE - decided transactions."
          },
          "period": {
            "$ref": "#/components/schemas/ReportingPeriod"
          },
          "detail": {
            "type": "string",
            "maxLength": 1000
          }
        },
        "example": {
          "rule": "FAILURE_RATE",
          "failed": 14,
          "decided": 40,
          "detail": "14 of 40 decided transactions failed (35%), above 20%."
        }
      },
      "ViolationFigures": {
        "type": "object",
        "title": "ViolationFigures",
        "description": "What the month showed for one provider (DOMAIN.md F38). Transactions count by `receivedAt` in\nthe month; a transaction is decided once it succeeded or failed, and counts as failed when it\nfailed at least once (a failure pushed again since still happened).\n",
        "additionalProperties": false,
        "required": [
          "decided",
          "failed",
          "failureRatePercent",
          "lateSubmissions",
          "unexplainedFailures"
        ],
        "properties": {
          "decided": {
            "type": "integer",
            "minimum": 0
          },
          "failed": {
            "type": "integer",
            "minimum": 0
          },
          "failureRatePercent": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "description": "failed / decided in percent, two decimals; 0 without decided transactions."
          },
          "lateSubmissions": {
            "type": "integer",
            "minimum": 0
          },
          "unexplainedFailures": {
            "type": "integer",
            "minimum": 0,
            "description": "Failed transactions of any month still awaiting an explanation (or explained and rejected) when the report was made, that failed at least `unexplainedAfterDays` before the month's end."
          },
          "monthlyReport": {
            "type": "object",
            "description": "The provider's monthly report that fell due during the month (the one on the month before), as it stood at the month's end; absent when not owed.",
            "additionalProperties": false,
            "required": [
              "period",
              "timeliness"
            ],
            "properties": {
              "period": {
                "$ref": "#/components/schemas/ReportingPeriod"
              },
              "timeliness": {
                "$ref": "#/components/schemas/ReportTimeliness"
              }
            }
          }
        }
      },
      "ViolationActionRequest": {
        "type": "object",
        "title": "ViolationActionRequest",
        "description": "What the operator decides about a provider of the report: suspend or disconnect it, with the\nreason notified to it (Decree 337/2025 Art. 15.4; DOMAIN.md F38, F39).\n",
        "additionalProperties": false,
        "required": [
          "status",
          "reason"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "SUSPENDED",
              "DISCONNECTED"
            ]
          },
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000
          }
        },
        "example": {
          "status": "SUSPENDED",
          "reason": "Violations report 2026-02 - failure rate 35% and 6 failed transactions left unexplained."
        }
      },
      "ViolationAction": {
        "type": "object",
        "title": "ViolationAction",
        "description": "A step an operator took on a provider from the report, with who and when.",
        "additionalProperties": false,
        "required": [
          "status",
          "reason",
          "takenBy",
          "takenAt"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "SUSPENDED",
              "DISCONNECTED"
            ]
          },
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000
          },
          "takenBy": {
            "type": "string",
            "maxLength": 100,
            "description": "Id of the Ministry operator."
          },
          "takenAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "ViolationLine": {
        "type": "object",
        "title": "ViolationLine",
        "description": "One violating provider in a violations report (DOMAIN.md F38).",
        "additionalProperties": false,
        "required": [
          "providerId",
          "providerName",
          "providerStatus",
          "figures",
          "violations",
          "actions"
        ],
        "properties": {
          "providerId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "providerName": {
            "type": "string",
            "maxLength": 255
          },
          "providerStatus": {
            "description": "Connection status when the report was made.",
            "$ref": "#/components/schemas/ProviderStatus"
          },
          "figures": {
            "$ref": "#/components/schemas/ViolationFigures"
          },
          "violations": {
            "type": "array",
            "minItems": 1,
            "maxItems": 5,
            "items": {
              "$ref": "#/components/schemas/Violation"
            }
          },
          "actions": {
            "type": "array",
            "maxItems": 100,
            "description": "What operators did about it from this report, oldest first.",
            "items": {
              "$ref": "#/components/schemas/ViolationAction"
            }
          }
        },
        "example": {
          "providerId": "prov-econtract-demo",
          "providerName": "Công ty eContract Demo",
          "providerStatus": "ACTIVE",
          "figures": {
            "decided": 40,
            "failed": 14,
            "failureRatePercent": 35,
            "lateSubmissions": 0,
            "unexplainedFailures": 6,
            "monthlyReport": {
              "period": "2026-01",
              "timeliness": "ON_TIME"
            }
          },
          "violations": [
            {
              "rule": "FAILURE_RATE",
              "failed": 14,
              "decided": 40,
              "detail": "14 of 40 decided transactions failed (35%), above 20%."
            },
            {
              "rule": "UNEXPLAINED_FAILURES",
              "count": 6,
              "detail": "6 failed transactions were still unexplained 7 days after they failed."
            }
          ],
          "actions": []
        }
      },
      "ViolationReport": {
        "type": "object",
        "title": "ViolationReport",
        "description": "The report of violating providers on one month (DOMAIN.md F38), made on the 1st of the next\nmonth (00:00 Vietnam time, Asia/Ho_Chi_Minh, UTC+7) by the Platform's scheduler, or on demand by\nan operator. Version 1 is the scheduler's; an operator's regeneration adds a new version and\nkeeps the earlier ones. A provider sees its own line only (none when it broke no rule).\n",
        "additionalProperties": false,
        "required": [
          "reportId",
          "period",
          "version",
          "latestVersion",
          "timeZone",
          "periodStart",
          "periodEnd",
          "generatedAt",
          "generatedBy",
          "thresholds",
          "providersEvaluated",
          "lines"
        ],
        "properties": {
          "reportId": {
            "type": "string",
            "format": "uuid"
          },
          "period": {
            "$ref": "#/components/schemas/ReportingPeriod"
          },
          "version": {
            "type": "integer",
            "minimum": 1
          },
          "latestVersion": {
            "type": "integer",
            "minimum": 1
          },
          "timeZone": {
            "type": "string",
            "enum": [
              "Asia/Ho_Chi_Minh"
            ]
          },
          "periodStart": {
            "type": "string",
            "format": "date-time"
          },
          "periodEnd": {
            "type": "string",
            "format": "date-time",
            "description": "Exclusive; the instant the month's figures are evaluated at."
          },
          "generatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "generatedBy": {
            "type": "string",
            "maxLength": 100,
            "description": "`scheduler`, or the id of the operator who asked for it."
          },
          "thresholds": {
            "$ref": "#/components/schemas/ViolationThresholds"
          },
          "providersEvaluated": {
            "type": "integer",
            "minimum": 0,
            "description": "Providers connected during the month (registered before its end, not disconnected before its start)."
          },
          "lines": {
            "type": "array",
            "maxItems": 10000,
            "items": {
              "$ref": "#/components/schemas/ViolationLine"
            }
          }
        },
        "example": {
          "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
          "period": "2026-02",
          "version": 1,
          "latestVersion": 1,
          "timeZone": "Asia/Ho_Chi_Minh",
          "periodStart": "2026-01-31T17:00:00Z",
          "periodEnd": "2026-02-28T17:00:00Z",
          "generatedAt": "2026-02-28T17:00:02Z",
          "generatedBy": "scheduler",
          "thresholds": {
            "failureRatePercent": 20,
            "minimumVolume": 20,
            "unexplainedAfterDays": 7,
            "lateSubmissions": 1
          },
          "providersEvaluated": 12,
          "lines": [
            {
              "providerId": "prov-econtract-demo",
              "providerName": "Công ty eContract Demo",
              "providerStatus": "ACTIVE",
              "figures": {
                "decided": 40,
                "failed": 14,
                "failureRatePercent": 35,
                "lateSubmissions": 0,
                "unexplainedFailures": 6,
                "monthlyReport": {
                  "period": "2026-01",
                  "timeliness": "MISSING"
                }
              },
              "violations": [
                {
                  "rule": "FAILURE_RATE",
                  "failed": 14,
                  "decided": 40,
                  "detail": "14 of 40 decided transactions failed (35%), above 20%."
                },
                {
                  "rule": "UNEXPLAINED_FAILURES",
                  "count": 6,
                  "detail": "6 failed transactions were still unexplained 7 days after they failed."
                },
                {
                  "rule": "MONTHLY_REPORT_MISSING",
                  "period": "2026-01",
                  "detail": "The monthly report on 2026-01 was not sent before its deadline."
                }
              ],
              "actions": []
            }
          ]
        }
      },
      "ViolationReportPage": {
        "type": "object",
        "title": "ViolationReportPage",
        "description": "One page of violations reports (every version), newest first (DOMAIN.md F38).",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 500,
            "items": {
              "$ref": "#/components/schemas/ViolationReport"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 500,
            "description": "Opaque cursor of the next page; null or absent on the last page."
          }
        }
      },
      "ViolationReportRequest": {
        "type": "object",
        "title": "ViolationReportRequest",
        "description": "Makes the violations report on a month that has ended (DOMAIN.md F38), or returns the one that\nexists. `regenerate` makes a new version from today's data, keeping the earlier ones.\n",
        "additionalProperties": false,
        "properties": {
          "period": {
            "description": "Default the month before the current one (Vietnam time).",
            "$ref": "#/components/schemas/ReportingPeriod"
          },
          "regenerate": {
            "type": "boolean",
            "default": false
          }
        },
        "example": {
          "period": "2026-02"
        }
      },
      "NotificationStatus": {
        "type": "string",
        "title": "NotificationStatus",
        "description": "Delivery state of a notification (DOMAIN.md F4, F39, T14): PENDING until delivered (SENT) or\ngiven up after its last attempt or a permanent refusal (FAILED).\n",
        "enum": [
          "PENDING",
          "SENT",
          "FAILED"
        ]
      },
      "NotificationChannel": {
        "type": "string",
        "title": "NotificationChannel",
        "description": "EMAIL to the provider's contact address (F39), or WEBHOOK to its callback URL (F4).",
        "enum": [
          "EMAIL",
          "WEBHOOK"
        ]
      },
      "NotificationKind": {
        "type": "string",
        "title": "NotificationKind",
        "description": "What the notification is about: the provider's connection was suspended, restored or terminated\n(F39; Decree 337/2025 Art. 15.4), an explanation of failed transactions was approved or rejected\n(F37), or a transaction reached its final state (F4 \"sync result\", webhook).\n",
        "enum": [
          "PROVIDER_SUSPENDED",
          "PROVIDER_RESTORED",
          "PROVIDER_DISCONNECTED",
          "EXPLANATION_APPROVED",
          "EXPLANATION_REJECTED",
          "TRANSACTION_COMPLETED"
        ]
      },
      "Notification": {
        "type": "object",
        "title": "Notification",
        "description": "One message the Platform sends a provider (DOMAIN.md F4, F39, T14), recorded in the same database\ntransaction as the event that caused it and delivered from a durable outbox. E-mails are\nbilingual (Vietnamese first, then English); `text` is the plain-text body. For a webhook, `text`\nis the exact JSON body that was signed and posted, and `messageId` its `Hdld-Webhook-Id`.\n",
        "additionalProperties": false,
        "required": [
          "notificationId",
          "providerId",
          "channel",
          "kind",
          "recipient",
          "text",
          "status",
          "attempts",
          "createdAt"
        ],
        "properties": {
          "notificationId": {
            "type": "string",
            "format": "uuid"
          },
          "providerId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "channel": {
            "$ref": "#/components/schemas/NotificationChannel"
          },
          "kind": {
            "$ref": "#/components/schemas/NotificationKind"
          },
          "recipient": {
            "type": "string",
            "maxLength": 2048,
            "description": "The provider's contact e-mail, or the callback URL configured when the event happened."
          },
          "subject": {
            "type": "string",
            "maxLength": 1000,
            "description": "E-mails only."
          },
          "text": {
            "type": "string",
            "maxLength": 100000
          },
          "status": {
            "$ref": "#/components/schemas/NotificationStatus"
          },
          "attempts": {
            "type": "integer",
            "minimum": 0,
            "description": "Delivery attempts so far."
          },
          "createdAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the event happened."
          },
          "nextAttemptAt": {
            "type": "string",
            "format": "date-time",
            "description": "PENDING only; when the next attempt is due (retries back off exponentially)."
          },
          "sentAt": {
            "type": "string",
            "format": "date-time"
          },
          "failedAt": {
            "type": "string",
            "format": "date-time"
          },
          "lastError": {
            "type": "string",
            "maxLength": 1000,
            "description": "Why the last attempt failed (an SMTP reply or an HTTP status), without secrets."
          },
          "messageId": {
            "type": "string",
            "maxLength": 300,
            "description": "The e-mail's Message-ID or the webhook's Hdld-Webhook-Id, fixed at the first attempt and the\nsame on every retry, so a receiver can drop a copy it already has.\n"
          }
        },
        "example": {
          "notificationId": "0192f0e1-7a8b-7c9d-8e0f-1a2b3c4d5e6f",
          "providerId": "prov-econtract-demo",
          "channel": "EMAIL",
          "kind": "PROVIDER_SUSPENDED",
          "recipient": "ops@econtract-demo.invalid",
          "subject": "[Nền tảng HĐLĐ điện tử] Thông báo tạm ngừng kết nối / Connection suspended",
          "text": "THÔNG BÁO TẠM NGỪNG KẾT NỐI\n\nKính gửi Công ty eContract Demo (mã nhà cung cấp: prov-econtract-demo), ...",
          "status": "SENT",
          "attempts": 1,
          "createdAt": "2026-03-01T01:00:00Z",
          "sentAt": "2026-03-01T01:00:02Z",
          "messageId": "<0192f0e1-7a8b-7c9d-8e0f-1a2b3c4d5e6f@hdld.invalid>"
        }
      },
      "NotificationPage": {
        "type": "object",
        "title": "NotificationPage",
        "description": "One page of notifications (DOMAIN.md F4, F39, T14), newest first.",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 500,
            "items": {
              "$ref": "#/components/schemas/Notification"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 500,
            "description": "Opaque cursor of the next page; null or absent on the last page."
          }
        }
      },
      "ProviderTechnicalInfo": {
        "type": "object",
        "title": "ProviderTechnicalInfo",
        "description": "A provider's technical information (DOMAIN.md N8, S2.3): where the Platform posts signed\ntransaction results (F4) and the addresses the provider calls from. Replaces both values.\n",
        "additionalProperties": false,
        "required": [
          "ipAllowList"
        ],
        "properties": {
          "callbackUrl": {
            "type": [
              "string",
              "null"
            ],
            "format": "uri",
            "maxLength": 2048,
            "description": "HTTPS URL receiving `transactionCompleted` webhooks (http is accepted in the sandbox only);\nnull or absent removes it. No credentials and no fragment in the URL. Webhooks are sent once\na webhook secret was also made (`rotateWebhookSecret`).\n"
          },
          "ipAllowList": {
            "type": "array",
            "maxItems": 100,
            "description": "IPv4 or IPv6 CIDRs (`203.0.113.0/24`, `2001:db8::/32`; a bare address means that address\nonly) the provider's calls and token requests must come from; empty allows any address.\nOthers are refused with `IP_NOT_ALLOWED`.\n",
            "items": {
              "type": "string",
              "minLength": 2,
              "maxLength": 64
            }
          }
        },
        "example": {
          "callbackUrl": "https://econtract-demo.invalid/hooks/hdld",
          "ipAllowList": [
            "203.0.113.0/24",
            "2001:db8:1::/48"
          ]
        }
      },
      "WebhookSecret": {
        "type": "object",
        "title": "WebhookSecret",
        "description": "A new webhook secret (DOMAIN.md F4), shown this once: the Platform keeps it sealed and never\nreturns it again. Verify deliveries with it (`verifyWebhook` of @hdld/sdk); it replaces the\nprevious secret at once.\n",
        "additionalProperties": false,
        "required": [
          "secret",
          "createdAt"
        ],
        "properties": {
          "secret": {
            "type": "string",
            "minLength": 32,
            "maxLength": 200
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          }
        },
        "example": {
          "secret": "whsec_3q2-7wD4xJxv8cH0l9QmC1n5y0bT6rKfE2aGzUoPq8s",
          "createdAt": "2026-03-05T08:00:00Z"
        }
      },
      "WebhookEvent": {
        "type": "object",
        "title": "WebhookEvent",
        "description": "The body the Platform posts to a provider's callback URL when one of its transactions reaches a\nfinal state (DOMAIN.md F4 \"sync result\", T10). Receivers verify `Hdld-Signature` over the raw\nbody, drop a `Hdld-Webhook-Id` they already handled (a delivery may be repeated), answer 2xx\nquickly, and ignore fields they do not know.\n",
        "required": [
          "event",
          "transactionId",
          "providerReference",
          "status",
          "occurredAt"
        ],
        "properties": {
          "event": {
            "type": "string",
            "enum": [
              "transaction.completed"
            ]
          },
          "transactionId": {
            "type": "string",
            "format": "uuid"
          },
          "providerReference": {
            "$ref": "#/components/schemas/ProviderReference"
          },
          "status": {
            "type": "string",
            "enum": [
              "SUCCEEDED",
              "FAILED"
            ]
          },
          "contractId": {
            "$ref": "#/components/schemas/ContractId"
          },
          "failureClass": {
            "$ref": "#/components/schemas/FailureClass"
          },
          "occurredAt": {
            "type": "string",
            "format": "date-time"
          }
        },
        "example": {
          "event": "transaction.completed",
          "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
          "providerReference": "HD-2026-000123",
          "status": "SUCCEEDED",
          "contractId": "2604173920581648",
          "occurredAt": "2026-03-02T08:15:31Z"
        }
      }
    }
  },
  "x-error-catalog": {
    "version": "1.1.0",
    "typeBase": "https://hdld.invalid/problems/",
    "codes": {
      "TRANSACTION_NOT_FOUND": {
        "status": 404,
        "stage": "AUTH_TRANSPORT",
        "action": "NONE",
        "since": "1.0.0",
        "title": {
          "en": "Transaction not found",
          "vi": "Không tìm thấy giao dịch"
        },
        "fix": {
          "en": "Check the transaction id; a provider can only read its own transactions.",
          "vi": "Kiểm tra lại mã giao dịch; nhà cung cấp chỉ xem được giao dịch của chính mình."
        }
      },
      "REQUEST_INVALID": {
        "status": 400,
        "stage": "PACKAGE_SCHEMA",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "FORMAT",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 13.1.c; Decision on the Platform T6, T9",
        "title": {
          "en": "The request does not match the API schema",
          "vi": "Yêu cầu không đúng định dạng API"
        },
        "fix": {
          "en": "Correct the fields listed in errors[] and send the request again.",
          "vi": "Sửa các trường được liệt kê trong errors[] rồi gửi lại yêu cầu."
        }
      },
      "UNAUTHENTICATED": {
        "status": 401,
        "stage": "AUTH_TRANSPORT",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.0.0",
        "title": {
          "en": "Authentication required",
          "vi": "Cần xác thực"
        },
        "fix": {
          "en": "Obtain an access token from POST /v1/oauth/token and send it as a Bearer token.",
          "vi": "Lấy mã truy cập từ POST /v1/oauth/token và gửi kèm dưới dạng Bearer token."
        }
      },
      "INTERNAL_ERROR": {
        "status": 500,
        "stage": "PLATFORM",
        "action": "RETRY",
        "since": "1.0.0",
        "title": {
          "en": "Internal error",
          "vi": "Lỗi hệ thống"
        },
        "fix": {
          "en": "The Platform failed on its side; nothing in your request is known to be wrong. Retry later; if it keeps failing, report the requestId to the Platform's operators.",
          "vi": "Nền tảng gặp lỗi từ phía hệ thống; chưa xác định được lỗi nào trong yêu cầu của bạn. Hãy thử lại sau; nếu lỗi vẫn tiếp diễn, hãy báo requestId cho bộ phận vận hành Nền tảng."
        }
      },
      "TOKEN_INVALID": {
        "status": 401,
        "stage": "AUTH_TRANSPORT",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.0.0",
        "title": {
          "en": "Access token is invalid",
          "vi": "Mã truy cập không hợp lệ"
        },
        "fix": {
          "en": "Send the access_token returned by POST /v1/oauth/token unchanged, as \"Authorization: Bearer <token>\".",
          "vi": "Gửi nguyên vẹn access_token nhận được từ POST /v1/oauth/token trong tiêu đề \"Authorization: Bearer <token>\"."
        }
      },
      "TOKEN_EXPIRED": {
        "status": 401,
        "stage": "AUTH_TRANSPORT",
        "action": "RETRY",
        "since": "1.0.0",
        "title": {
          "en": "Access token has expired",
          "vi": "Mã truy cập đã hết hạn"
        },
        "fix": {
          "en": "Request a new token from POST /v1/oauth/token and repeat the request with the same Idempotency-Key.",
          "vi": "Lấy mã truy cập mới từ POST /v1/oauth/token rồi gửi lại yêu cầu với cùng Idempotency-Key."
        }
      },
      "CLIENT_AUTH_FAILED": {
        "status": 401,
        "stage": "AUTH_TRANSPORT",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.0.0",
        "legalBasis": "RFC 6749 section 5.2 (invalid_client); RFC 7523 section 3",
        "title": {
          "en": "Client authentication failed",
          "vi": "Xác thực ứng dụng khách không thành công"
        },
        "fix": {
          "en": "Sign the client assertion with the key registered for your client id (aud = token URL, exp within 5 minutes, unique jti). client_secret is accepted in the sandbox only.",
          "vi": "Ký client assertion bằng khóa đã đăng ký cho client id của bạn (aud là URL cấp mã, exp không quá 5 phút, jti không trùng lặp). client_secret chỉ được chấp nhận trong môi trường thử nghiệm."
        }
      },
      "FORBIDDEN": {
        "status": 403,
        "stage": "AUTH_TRANSPORT",
        "action": "NONE",
        "since": "1.0.0",
        "legalBasis": "Decision on the Platform T3, T4, T17",
        "title": {
          "en": "Access denied",
          "vi": "Không có quyền truy cập"
        },
        "fix": {
          "en": "The token lacks the scope for this operation, or the resource belongs to another provider. Request a token with the needed scope.",
          "vi": "Mã truy cập không có phạm vi (scope) cho thao tác này, hoặc tài nguyên thuộc nhà cung cấp khác. Hãy lấy mã truy cập có phạm vi phù hợp."
        }
      },
      "RATE_LIMITED": {
        "status": 429,
        "stage": "AUTH_TRANSPORT",
        "action": "RETRY",
        "since": "1.0.0",
        "title": {
          "en": "Too many requests",
          "vi": "Quá nhiều yêu cầu"
        },
        "fix": {
          "en": "Wait for the number of seconds in Retry-After, then retry with the same Idempotency-Key; prefer batches for bulk uploads.",
          "vi": "Chờ số giây ghi trong Retry-After rồi thử lại với cùng Idempotency-Key; nên dùng lô (batch) khi gửi số lượng lớn."
        }
      },
      "PAYLOAD_TOO_LARGE": {
        "status": 413,
        "stage": "AUTH_TRANSPORT",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.0.0",
        "title": {
          "en": "Request body too large",
          "vi": "Nội dung yêu cầu quá lớn"
        },
        "fix": {
          "en": "Keep a single submission under 16 MiB (each document at most 10 MiB); split appendices into later lifecycle submissions if needed.",
          "vi": "Mỗi yêu cầu gửi hồ sơ không vượt quá 16 MiB (mỗi tệp tối đa 10 MiB); nếu cần, hãy tách phụ lục để gửi sau dưới dạng văn bản bổ sung."
        }
      },
      "UNSUPPORTED_MEDIA_TYPE": {
        "status": 415,
        "stage": "AUTH_TRANSPORT",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.0.0",
        "title": {
          "en": "Unsupported Content-Type",
          "vi": "Kiểu nội dung không được hỗ trợ"
        },
        "fix": {
          "en": "Send submissions as application/json (documents base64-encoded) and token requests as application/x-www-form-urlencoded.",
          "vi": "Gửi hồ sơ dưới dạng application/json (tệp mã hóa base64) và yêu cầu cấp mã truy cập dưới dạng application/x-www-form-urlencoded."
        }
      },
      "IDEMPOTENCY_KEY_REUSED": {
        "status": 409,
        "stage": "DUPLICATE",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.0.0",
        "title": {
          "en": "Idempotency-Key already used for a different request",
          "vi": "Idempotency-Key đã được dùng cho một yêu cầu khác"
        },
        "fix": {
          "en": "Use a new Idempotency-Key (a fresh UUID) for every new request; reuse a key only to retry the identical request.",
          "vi": "Dùng Idempotency-Key mới (một UUID mới) cho mỗi yêu cầu mới; chỉ dùng lại khóa cũ khi gửi lại đúng yêu cầu đó."
        }
      },
      "IDEMPOTENCY_KEY_IN_USE": {
        "status": 409,
        "stage": "DUPLICATE",
        "action": "RETRY",
        "since": "1.0.0",
        "title": {
          "en": "A request with this Idempotency-Key is still being processed",
          "vi": "Yêu cầu có cùng Idempotency-Key đang được xử lý"
        },
        "fix": {
          "en": "Wait for the number of seconds in Retry-After, then send the same request again with the same key.",
          "vi": "Chờ số giây ghi trong Retry-After rồi gửi lại đúng yêu cầu đó với cùng khóa."
        }
      },
      "CONTRACT_NOT_FOUND": {
        "status": 404,
        "stage": "LIFECYCLE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 9.3",
        "title": {
          "en": "Contract not found",
          "vi": "Không tìm thấy hợp đồng"
        },
        "fix": {
          "en": "Check the contract ID (16 digits, shown 4-4-4-4); a lifecycle document can only be attached to an ID that the Platform issued.",
          "vi": "Kiểm tra lại mã định danh (ID) hợp đồng (16 chữ số, hiển thị dạng 4-4-4-4); văn bản sửa đổi, bổ sung chỉ gắn được vào ID do Nền tảng cấp."
        }
      },
      "DOCUMENT_NOT_FOUND": {
        "status": 404,
        "stage": "AUTH_TRANSPORT",
        "action": "NONE",
        "since": "1.0.0",
        "title": {
          "en": "Document not found",
          "vi": "Không tìm thấy tài liệu"
        },
        "fix": {
          "en": "Take the documentId from the contract's documents list (GET /v1/contracts/{contractId}).",
          "vi": "Lấy documentId từ danh sách tài liệu của hợp đồng (GET /v1/contracts/{contractId})."
        }
      },
      "BATCH_TOO_LARGE": {
        "status": 413,
        "stage": "AUTH_TRANSPORT",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.0.0",
        "legalBasis": "Decision on the Platform T5",
        "title": {
          "en": "Batch too large",
          "vi": "Lô hồ sơ quá lớn"
        },
        "fix": {
          "en": "Send at most 50 contracts and 32 MiB per batch; split larger uploads into several batches.",
          "vi": "Mỗi lô gửi tối đa 50 hợp đồng và 32 MiB; chia các đợt gửi lớn hơn thành nhiều lô."
        }
      },
      "DUPLICATE_PROVIDER_REFERENCE": {
        "status": 409,
        "stage": "DUPLICATE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "title": {
          "en": "Provider reference already used for different content",
          "vi": "Mã tham chiếu của nhà cung cấp đã được dùng cho nội dung khác"
        },
        "fix": {
          "en": "Give every contract and lifecycle document its own providerReference; resend identical content only to replay a submission. To correct a failed transaction under its reference, explain it (POST /v1/explanations, hdld errors explain) and send the corrected package once the Ministry approved the re-push.",
          "vi": "Đặt providerReference riêng cho từng hợp đồng và từng văn bản sửa đổi, bổ sung; chỉ gửi lại nội dung giống hệt khi muốn gửi lại hồ sơ đã gửi. Để sửa một giao dịch lỗi dưới mã tham chiếu của nó, hãy giải trình (POST /v1/explanations, hdld errors explain) và gửi hồ sơ đã sửa sau khi Bộ phê duyệt việc đẩy lại."
        }
      },
      "MAIN_DATA_INVALID": {
        "status": 422,
        "stage": "LABOR_RULES",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 8, 13.1.c; Decree 145/2020",
        "title": {
          "en": "Main contract data breaks a business rule",
          "vi": "Thông tin chủ yếu của hợp đồng vi phạm quy tắc nghiệp vụ"
        },
        "fix": {
          "en": "Correct the fields listed in errors[] (for example a conclusion date in the future, or after the last party signed, or a date of birth after it) and submit again.",
          "vi": "Sửa các trường được liệt kê trong errors[] (ví dụ ngày giao kết ở tương lai hoặc sau thời điểm bên cuối cùng ký, hoặc ngày sinh sau ngày giao kết) rồi gửi lại."
        }
      },
      "MAIN_DATA_MISMATCH": {
        "status": 422,
        "stage": "PACKAGE_SCHEMA",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 13.1.c; Decision on the Platform T9",
        "title": {
          "en": "Main data differs from the signed contract",
          "vi": "Thông tin chủ yếu không khớp với hợp đồng đã ký"
        },
        "fix": {
          "en": "Send mainData exactly as embedded in the signed PDF; if the PDF is wrong, the parties must sign a corrected contract.",
          "vi": "Gửi mainData đúng như dữ liệu nhúng trong tệp PDF đã ký; nếu tệp PDF sai, các bên phải ký lại hợp đồng đã sửa."
        }
      },
      "LABOR_TERM_INVALID": {
        "status": 422,
        "stage": "LABOR_RULES",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Labor Code 2019 Art. 20, 24, 25",
        "title": {
          "en": "Contract term is not allowed",
          "vi": "Thời hạn hợp đồng không hợp lệ"
        },
        "fix": {
          "en": "The end date is the term's last day. A fixed-term contract ends after it starts and lasts at most 36 months (it ends before the same day 36 months later); an indefinite contract has no end date; a contract under one month lasts less than one month; probation lasts at most 180 days.",
          "vi": "Ngày kết thúc là ngày cuối cùng của thời hạn. Hợp đồng xác định thời hạn có ngày kết thúc sau ngày bắt đầu và thời hạn không quá 36 tháng (kết thúc trước ngày tương ứng của 36 tháng sau); hợp đồng không xác định thời hạn không có ngày kết thúc; hợp đồng dưới 01 tháng phải có thời hạn dưới một tháng; thời gian thử việc không quá 180 ngày."
        }
      },
      "EMPLOYEE_UNDERAGE": {
        "status": 422,
        "stage": "LABOR_RULES",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Labor Code 2019 Art. 143, 145",
        "title": {
          "en": "Employee is under 15",
          "vi": "Người lao động chưa đủ 15 tuổi"
        },
        "fix": {
          "en": "The Platform accepts no contract with an employee under 15 on the conclusion date, since such a contract needs the employee's legal representative as a party and work the law allows (Labor Code Art. 145), which the main data cannot carry. Check the date of birth and the conclusion date.",
          "vi": "Nền tảng không tiếp nhận hợp đồng với người lao động chưa đủ 15 tuổi vào ngày giao kết, vì hợp đồng đó phải có người đại diện theo pháp luật của người lao động cùng giao kết và chỉ cho các công việc pháp luật cho phép (Điều 145 Bộ luật Lao động), điều mà thông tin chủ yếu không thể hiện được. Hãy kiểm tra ngày sinh và ngày giao kết."
        }
      },
      "DOCUMENT_MISSING": {
        "status": 422,
        "stage": "PACKAGE_SCHEMA",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "FILE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 13.1.a",
        "title": {
          "en": "Signed contract document is missing",
          "vi": "Thiếu tệp hợp đồng đã ký"
        },
        "fix": {
          "en": "Put the signed contract (or lifecycle document) first in documents[], with role CONTRACT.",
          "vi": "Đặt tệp hợp đồng (hoặc văn bản sửa đổi, bổ sung) đã ký ở vị trí đầu tiên trong documents[], với role là CONTRACT."
        }
      },
      "FILE_TYPE_NOT_ALLOWED": {
        "status": 415,
        "stage": "PACKAGE_SCHEMA",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "FILE",
        "since": "1.0.0",
        "legalBasis": "Decision on the Platform T7, T9",
        "title": {
          "en": "File type not allowed",
          "vi": "Loại tệp không được chấp nhận"
        },
        "fix": {
          "en": "Only PDF files are accepted in v1; the content must start with %PDF- and match mediaType.",
          "vi": "Phiên bản 1 chỉ chấp nhận tệp PDF; nội dung tệp phải bắt đầu bằng %PDF- và khớp với mediaType."
        }
      },
      "FILE_TOO_LARGE": {
        "status": 413,
        "stage": "PACKAGE_SCHEMA",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "FILE",
        "since": "1.0.0",
        "title": {
          "en": "File too large",
          "vi": "Tệp quá lớn"
        },
        "fix": {
          "en": "Keep each document at most 10 MiB; reduce image resolution of scans (300 dpi is enough).",
          "vi": "Mỗi tệp tối đa 10 MiB; hãy giảm độ phân giải ảnh quét (300 dpi là đủ)."
        }
      },
      "PDF_MALFORMED": {
        "status": 422,
        "stage": "PACKAGE_SCHEMA",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "FILE",
        "since": "1.0.0",
        "title": {
          "en": "PDF file is malformed",
          "vi": "Tệp PDF bị lỗi cấu trúc"
        },
        "fix": {
          "en": "Check that the base64 content is the complete, unmodified PDF; encrypted PDFs are not accepted.",
          "vi": "Kiểm tra nội dung base64 là tệp PDF đầy đủ, chưa bị thay đổi; không chấp nhận tệp PDF có mật khẩu."
        }
      },
      "PDF_TOO_MANY_PAGES": {
        "status": 422,
        "stage": "PACKAGE_SCHEMA",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "FILE",
        "since": "1.0.0",
        "title": {
          "en": "PDF has too many pages",
          "vi": "Tệp PDF có quá nhiều trang"
        },
        "fix": {
          "en": "A document has at most 500 pages; send long annexes as separate documents.",
          "vi": "Mỗi tệp tối đa 500 trang; hãy gửi các phụ lục dài thành tệp riêng."
        }
      },
      "PDF_NOT_SIGNED": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.2.b, 7.3",
        "title": {
          "en": "PDF has no digital signature",
          "vi": "Tệp PDF chưa được ký số"
        },
        "fix": {
          "en": "Send the PDF after both parties have signed it in the eContract, not the draft.",
          "vi": "Gửi tệp PDF sau khi cả hai bên đã ký trên eContract, không gửi bản nháp."
        }
      },
      "SIGNATURE_INVALID": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.1.a; Decree 23/2025",
        "title": {
          "en": "Digital signature is invalid",
          "vi": "Chữ ký số không hợp lệ"
        },
        "fix": {
          "en": "The signature value does not verify with the signer's certificate; have the party sign again.",
          "vi": "Giá trị chữ ký không khớp với chứng thư số của người ký; đề nghị bên đó ký lại."
        }
      },
      "SIGNATURE_DIGEST_MISMATCH": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.1.a; Decree 23/2025",
        "title": {
          "en": "Signed digest does not match the document",
          "vi": "Giá trị băm đã ký không khớp với tài liệu"
        },
        "fix": {
          "en": "The file changed after it was signed; send the file exactly as it was signed.",
          "vi": "Tệp đã bị thay đổi sau khi ký; hãy gửi đúng tệp như khi được ký."
        }
      },
      "SIGNATURE_BYTERANGE_INVALID": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "title": {
          "en": "Signature byte range is invalid",
          "vi": "Vùng dữ liệu được ký (ByteRange) không hợp lệ"
        },
        "fix": {
          "en": "The ByteRange must cover the whole file except the signature value; check the signing library's PDF output.",
          "vi": "ByteRange phải bao phủ toàn bộ tệp trừ giá trị chữ ký; kiểm tra lại tệp PDF do thư viện ký số tạo ra."
        }
      },
      "SIGNATURE_MODIFIED_AFTER_SIGNING": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "title": {
          "en": "Document was modified after signing",
          "vi": "Tài liệu bị chỉnh sửa sau khi ký"
        },
        "fix": {
          "en": "Content was added after the last signature (only a later signature or timestamp may be appended); send the file as last signed.",
          "vi": "Có nội dung được thêm vào sau chữ ký cuối cùng (chỉ được thêm chữ ký hoặc dấu thời gian sau đó); hãy gửi tệp ở trạng thái ký lần cuối."
        }
      },
      "SIGNATURE_PARTY_MISMATCH": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.2.b, 8",
        "title": {
          "en": "A signature's certificate does not identify its party",
          "vi": "Chứng thư của chữ ký không xác định đúng bên ký"
        },
        "fix": {
          "en": "Sign each party's signature with that party's own certificate: the employer's carries UID MST:<tax code> of the main data (a representative's personal certificate also carries the employer's MST), the employee's CCCD:, CMND: or HC: with the identity number of the main data.",
          "vi": "Mỗi bên ký bằng chứng thư số của chính mình: chứng thư của người sử dụng lao động có UID MST:<mã số thuế> trong dữ liệu chính (chứng thư cá nhân của người đại diện cũng phải có MST của người sử dụng lao động), chứng thư của người lao động có CCCD:, CMND: hoặc HC: với số giấy tờ trong dữ liệu chính."
        }
      },
      "SIGNATURE_PARTY_MISSING": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.2.b, 8",
        "title": {
          "en": "A party's signature is missing",
          "vi": "Thiếu chữ ký của một bên"
        },
        "fix": {
          "en": "Both the employer's representative and the employee must sign; match each signature to a signer in the certification evidence.",
          "vi": "Cả người đại diện của người sử dụng lao động và người lao động đều phải ký; mỗi chữ ký phải khớp với một người ký trong tệp chứng thực."
        }
      },
      "CERTIFICATE_UNTRUSTED": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.2.b; Decree 23/2025",
        "title": {
          "en": "Certificate is not from a trusted provider",
          "vi": "Chứng thư số không do tổ chức được tin cậy cấp"
        },
        "fix": {
          "en": "Use a certificate issued by a licensed digital signature certification service provider in Vietnam.",
          "vi": "Sử dụng chứng thư chữ ký số do tổ chức cung cấp dịch vụ chứng thực chữ ký số được cấp phép tại Việt Nam cấp."
        }
      },
      "CERTIFICATE_EXPIRED": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.2.b",
        "title": {
          "en": "Certificate was expired at signing time",
          "vi": "Chứng thư số đã hết hạn tại thời điểm ký"
        },
        "fix": {
          "en": "The party must renew the certificate and sign again.",
          "vi": "Bên ký cần gia hạn chứng thư số rồi ký lại."
        }
      },
      "CERTIFICATE_REVOKED": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.2.b",
        "title": {
          "en": "Certificate was revoked",
          "vi": "Chứng thư số đã bị thu hồi"
        },
        "fix": {
          "en": "The certificate was revoked before the signing time; the party must sign again with a valid certificate.",
          "vi": "Chứng thư số đã bị thu hồi trước thời điểm ký; bên ký phải ký lại bằng chứng thư số còn hiệu lực."
        }
      },
      "CERTIFICATE_USAGE_INVALID": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "title": {
          "en": "Certificate may not be used for signing",
          "vi": "Chứng thư số không được phép dùng để ký"
        },
        "fix": {
          "en": "The certificate's key usage must include digitalSignature or nonRepudiation; use a signing certificate.",
          "vi": "Mục đích sử dụng khóa (key usage) của chứng thư số phải có digitalSignature hoặc nonRepudiation; hãy dùng chứng thư số dành cho ký."
        }
      },
      "TIMESTAMP_MISSING": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 13; Decision on the Platform F8",
        "title": {
          "en": "Signature has no timestamp",
          "vi": "Chữ ký số không có dấu thời gian"
        },
        "fix": {
          "en": "Every party's signature needs an RFC 3161 timestamp from a trusted timestamping service; enable it in the signing software.",
          "vi": "Chữ ký của mỗi bên phải có dấu thời gian RFC 3161 từ dịch vụ cấp dấu thời gian được tin cậy; hãy bật tính năng này trong phần mềm ký."
        }
      },
      "TIMESTAMP_INVALID": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decision on the Platform F8",
        "title": {
          "en": "Signature timestamp is invalid",
          "vi": "Dấu thời gian của chữ ký không hợp lệ"
        },
        "fix": {
          "en": "The timestamp token does not verify or does not cover this signature; timestamp the signature again.",
          "vi": "Dấu thời gian không kiểm tra được hoặc không gắn với chữ ký này; hãy gắn lại dấu thời gian cho chữ ký."
        }
      },
      "TIMESTAMP_UNTRUSTED": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decision on the Platform F8; Decree 23/2025",
        "title": {
          "en": "Timestamp authority is not trusted",
          "vi": "Đơn vị cấp dấu thời gian không được tin cậy"
        },
        "fix": {
          "en": "Use a timestamping service licensed in Vietnam.",
          "vi": "Sử dụng dịch vụ cấp dấu thời gian được cấp phép tại Việt Nam."
        }
      },
      "REVOCATION_UNAVAILABLE": {
        "status": 503,
        "stage": "SIGNATURE",
        "action": "RETRY",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "title": {
          "en": "Certificate revocation status is temporarily unavailable",
          "vi": "Tạm thời không kiểm tra được tình trạng thu hồi chứng thư số"
        },
        "fix": {
          "en": "The CA's OCSP/CRL service did not answer; submit the same package again later (after Retry-After when given).",
          "vi": "Dịch vụ OCSP/CRL của tổ chức chứng thực không phản hồi; hãy gửi lại nguyên hồ sơ sau (sau thời gian Retry-After nếu có)."
        }
      },
      "EVIDENCE_INVALID": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.1.b, 25.8; Decision on the Platform N2, F8",
        "title": {
          "en": "Certification evidence is invalid",
          "vi": "Tệp chứng thực thông điệp dữ liệu không hợp lệ"
        },
        "fix": {
          "en": "The evidence must be a CMS SignedData signed with your provider certificate whose content is JSON matching CertificationEvidence.",
          "vi": "Tệp chứng thực phải là CMS SignedData được ký bằng chứng thư số của nhà cung cấp, có nội dung JSON đúng cấu trúc CertificationEvidence."
        }
      },
      "EVIDENCE_DOCUMENT_MISMATCH": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decision on the Platform N2, F8",
        "title": {
          "en": "Certification evidence does not match the documents",
          "vi": "Tệp chứng thực không khớp với các tệp đã gửi"
        },
        "fix": {
          "en": "List every submitted document in the evidence with its exact SHA-256 and size, and the same providerReference.",
          "vi": "Liệt kê đầy đủ các tệp đã gửi trong tệp chứng thực, đúng giá trị SHA-256, kích thước và cùng providerReference."
        }
      },
      "CONVERSION_LOG_INVALID": {
        "status": 422,
        "stage": "SIGNATURE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "SIGNATURE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 9.2.a; Law on Electronic Transactions 2023 Art. 12",
        "title": {
          "en": "Conversion log is invalid",
          "vi": "Nhật ký chuyển đổi không hợp lệ"
        },
        "fix": {
          "en": "Name the converting person or organisation, and give the sealed file's exact SHA-256, size and page count and a timestamped seal signature.",
          "vi": "Ghi rõ người hoặc tổ chức thực hiện chuyển đổi, giá trị SHA-256, kích thước, số trang chính xác của tệp và chữ ký số niêm phong có dấu thời gian."
        }
      },
      "IDENTITY_NOT_FOUND": {
        "status": 422,
        "stage": "IDENTITY",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
        "title": {
          "en": "Identity not found in the National Population Database",
          "vi": "Không tìm thấy thông tin định danh trong Cơ sở dữ liệu quốc gia về dân cư"
        },
        "fix": {
          "en": "Check the identity document type and number of the employee.",
          "vi": "Kiểm tra lại loại và số giấy tờ tùy thân của người lao động."
        }
      },
      "IDENTITY_MISMATCH": {
        "status": 422,
        "stage": "IDENTITY",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
        "title": {
          "en": "Identity data differ from the National Population Database",
          "vi": "Thông tin nhân thân không khớp với Cơ sở dữ liệu quốc gia về dân cư"
        },
        "fix": {
          "en": "The full name, date of birth or sex differ from the National Population Database; correct them as in the citizen's ID card.",
          "vi": "Họ tên, ngày sinh hoặc giới tính khác với Cơ sở dữ liệu quốc gia về dân cư; hãy sửa lại theo đúng thẻ căn cước."
        }
      },
      "EMPLOYER_NOT_FOUND": {
        "status": 422,
        "stage": "IDENTITY",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.1.0",
        "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
        "title": {
          "en": "Employer's tax code not found in the National Business Registration Portal",
          "vi": "Không tìm thấy mã số thuế của người sử dụng lao động trên Cổng thông tin quốc gia về đăng ký doanh nghiệp"
        },
        "fix": {
          "en": "Check the employer's enterprise/tax code (10 digits, or 10-3 for a branch).",
          "vi": "Kiểm tra lại mã số doanh nghiệp/mã số thuế của người sử dụng lao động (10 chữ số, hoặc 10-3 với chi nhánh)."
        }
      },
      "EMPLOYER_MISMATCH": {
        "status": 422,
        "stage": "IDENTITY",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.1.0",
        "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
        "title": {
          "en": "Employer's name differs from the National Business Registration Portal",
          "vi": "Tên người sử dụng lao động không khớp với Cổng thông tin quốc gia về đăng ký doanh nghiệp"
        },
        "fix": {
          "en": "Write the employer's name as in its certificate of enterprise registration.",
          "vi": "Ghi tên người sử dụng lao động đúng như trên giấy chứng nhận đăng ký doanh nghiệp."
        }
      },
      "EMPLOYER_INACTIVE": {
        "status": 422,
        "stage": "IDENTITY",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.1.0",
        "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
        "title": {
          "en": "Employer is not active in the National Business Registration Portal",
          "vi": "Người sử dụng lao động không ở trạng thái đang hoạt động trên Cổng thông tin quốc gia về đăng ký doanh nghiệp"
        },
        "fix": {
          "en": "The enterprise is suspended, being dissolved, dissolved or its registration revoked; check the tax code, or submit once it is active again.",
          "vi": "Doanh nghiệp đang tạm ngừng kinh doanh, đang giải thể, đã giải thể hoặc bị thu hồi giấy chứng nhận đăng ký; kiểm tra lại mã số thuế hoặc gửi lại khi doanh nghiệp hoạt động trở lại."
        }
      },
      "IDENTITY_REGISTRY_UNAVAILABLE": {
        "status": 503,
        "stage": "IDENTITY",
        "action": "RETRY",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "title": {
          "en": "Identity registry temporarily unavailable",
          "vi": "Cơ sở dữ liệu quốc gia về dân cư hoặc Cổng thông tin quốc gia về đăng ký doanh nghiệp tạm thời không phản hồi"
        },
        "fix": {
          "en": "The National Population Database or the National Business Registration Portal did not answer; the Platform checks again later, or submit the same package again later.",
          "vi": "Cơ sở dữ liệu quốc gia về dân cư hoặc Cổng thông tin quốc gia về đăng ký doanh nghiệp chưa phản hồi; Nền tảng sẽ tự kiểm tra lại sau, hoặc hãy gửi lại nguyên hồ sơ sau."
        }
      },
      "LIFECYCLE_TRANSITION_INVALID": {
        "status": 409,
        "stage": "LIFECYCLE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 9; Labor Code 2019 Art. 30, 31, 34",
        "title": {
          "en": "Not allowed in the contract's current state",
          "vi": "Không thực hiện được ở trạng thái hiện tại của hợp đồng"
        },
        "fix": {
          "en": "Check the contract state (GET /v1/contracts/{contractId}); for example a terminated contract cannot be amended, and only a suspended one can be resumed.",
          "vi": "Kiểm tra trạng thái hợp đồng (GET /v1/contracts/{contractId}); ví dụ hợp đồng đã chấm dứt thì không thể sửa đổi, chỉ hợp đồng đang tạm hoãn mới có thể tiếp tục thực hiện."
        }
      },
      "CONTRACT_NOT_CONVERTED": {
        "status": 409,
        "stage": "LIFECYCLE",
        "action": "FIX_AND_RESUBMIT",
        "failureClass": "BUSINESS",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 9.2",
        "title": {
          "en": "Paper contract not converted yet",
          "vi": "Hợp đồng giấy chưa được chuyển đổi"
        },
        "fix": {
          "en": "Convert the paper contract (with its earlier amendments) and submit it with POST /v1/converted-paper-contracts first; attach e-documents to the ID it gets.",
          "vi": "Chuyển đổi hợp đồng giấy (kể cả các nội dung sửa đổi, bổ sung trước đó) và gửi qua POST /v1/converted-paper-contracts trước; sau đó gắn văn bản điện tử vào ID được cấp."
        }
      },
      "PROVIDER_SUSPENDED": {
        "status": 403,
        "stage": "PROVIDER_STATUS",
        "action": "EXPLAIN_AND_WAIT",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 15.4; Decision on the Platform F38, F39",
        "title": {
          "en": "Provider connection suspended",
          "vi": "Kết nối của nhà cung cấp đang bị tạm ngừng"
        },
        "fix": {
          "en": "Your connection is suspended; read the Ministry's notice, send an explanation and wait for it to be restored.",
          "vi": "Kết nối của bạn đang bị tạm ngừng; hãy đọc thông báo của Bộ Nội vụ, gửi giải trình và chờ khôi phục kết nối."
        }
      },
      "PROVIDER_DISCONNECTED": {
        "status": 403,
        "stage": "PROVIDER_STATUS",
        "action": "NONE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 15.4; Decision on the Platform F38, F39",
        "title": {
          "en": "Provider disconnected",
          "vi": "Nhà cung cấp đã bị ngừng kết nối"
        },
        "fix": {
          "en": "Your connection was terminated; contact the Ministry of Home Affairs.",
          "vi": "Kết nối của bạn đã bị chấm dứt; hãy liên hệ Bộ Nội vụ."
        }
      },
      "ROUTE_NOT_FOUND": {
        "status": 404,
        "stage": "AUTH_TRANSPORT",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.0.0",
        "title": {
          "en": "No such operation",
          "vi": "Không có thao tác này"
        },
        "fix": {
          "en": "Check the method and path against the API reference at /docs.",
          "vi": "Kiểm tra phương thức và đường dẫn theo tài liệu API tại /docs."
        }
      },
      "SANDBOX_ONLY": {
        "status": 403,
        "stage": "PLATFORM",
        "action": "NONE",
        "since": "1.0.0",
        "legalBasis": "Decision on the Platform S2.4 (test environment)",
        "title": {
          "en": "Available in the sandbox only",
          "vi": "Chỉ dùng được trong môi trường thử nghiệm"
        },
        "fix": {
          "en": "This operation exists for integration tests; call it on the sandbox Platform.",
          "vi": "Thao tác này chỉ phục vụ kiểm thử tích hợp; hãy gọi trên Nền tảng thử nghiệm."
        }
      },
      "SERVICE_UNAVAILABLE": {
        "status": 503,
        "stage": "PLATFORM",
        "action": "RETRY",
        "since": "1.0.0",
        "title": {
          "en": "Service temporarily unavailable",
          "vi": "Dịch vụ tạm thời không khả dụng"
        },
        "fix": {
          "en": "Retry after the number of seconds in Retry-After, with the same Idempotency-Key.",
          "vi": "Thử lại sau số giây ghi trong Retry-After, với cùng Idempotency-Key."
        }
      },
      "SUBMISSION_LATE": {
        "status": 200,
        "severity": "WARNING",
        "stage": "LABOR_RULES",
        "action": "NONE",
        "since": "1.0.0",
        "legalBasis": "Decree 337/2025 Art. 7.3, 25.2 (the Platform's 24-hour rule)",
        "title": {
          "en": "Submitted more than 24 hours after the last signature",
          "vi": "Hồ sơ được gửi muộn hơn 24 giờ kể từ thời điểm bên cuối cùng ký"
        },
        "fix": {
          "en": "The contract was accepted and flagged late; send contracts to the Platform within 24 hours of the last signature.",
          "vi": "Hợp đồng vẫn được tiếp nhận nhưng bị đánh dấu gửi muộn; hãy gửi hợp đồng lên Nền tảng trong vòng 24 giờ kể từ thời điểm bên cuối cùng ký."
        }
      },
      "EXPLANATION_NOT_FOUND": {
        "status": 404,
        "stage": "OPERATIONS",
        "action": "NONE",
        "since": "1.1.0",
        "title": {
          "en": "Explanation not found",
          "vi": "Không tìm thấy giải trình"
        },
        "fix": {
          "en": "Check the explanation id; a provider can only read its own explanations.",
          "vi": "Kiểm tra lại mã giải trình; nhà cung cấp chỉ xem được giải trình của chính mình."
        }
      },
      "PROVIDER_NOT_FOUND": {
        "status": 404,
        "stage": "OPERATIONS",
        "action": "NONE",
        "since": "1.1.0",
        "title": {
          "en": "Provider not found",
          "vi": "Không tìm thấy nhà cung cấp"
        },
        "fix": {
          "en": "Check the provider id; a provider can only read its own profile.",
          "vi": "Kiểm tra lại mã nhà cung cấp; nhà cung cấp chỉ xem được hồ sơ của chính mình."
        }
      },
      "TRANSACTION_NOT_AWAITING_EXPLANATION": {
        "status": 409,
        "stage": "OPERATIONS",
        "action": "NONE",
        "since": "1.1.0",
        "legalBasis": "Decision on the Platform F36",
        "title": {
          "en": "Transaction not awaiting an explanation",
          "vi": "Giao dịch không ở trạng thái chờ giải trình"
        },
        "fix": {
          "en": "Explain only FAILED transactions whose explanationStatus is AWAITING_EXPLANATION or REJECTED; a pending explanation already covers the others.",
          "vi": "Chỉ giải trình các giao dịch FAILED có explanationStatus là AWAITING_EXPLANATION hoặc REJECTED; các giao dịch còn lại đã có giải trình đang chờ duyệt."
        }
      },
      "EXPLANATION_ALREADY_DECIDED": {
        "status": 409,
        "stage": "OPERATIONS",
        "action": "NONE",
        "since": "1.1.0",
        "legalBasis": "Decision on the Platform F37",
        "title": {
          "en": "Explanation already decided",
          "vi": "Giải trình đã được xử lý"
        },
        "fix": {
          "en": "A decision is final; the provider can submit a new explanation for rejected transactions.",
          "vi": "Quyết định đã là cuối cùng; nhà cung cấp có thể gửi giải trình mới cho các giao dịch bị từ chối."
        }
      },
      "REPUSH_NOT_APPROVED": {
        "status": 409,
        "stage": "OPERATIONS",
        "action": "EXPLAIN_AND_WAIT",
        "since": "1.1.0",
        "legalBasis": "Decision on the Platform F36, F37",
        "title": {
          "en": "Re-push not approved",
          "vi": "Chưa được phê duyệt đẩy lại"
        },
        "fix": {
          "en": "Submit an explanation for the failed transaction (POST /v1/explanations) and push it again only after an operator approves it.",
          "vi": "Gửi giải trình cho giao dịch lỗi (POST /v1/explanations) và chỉ đẩy lại sau khi cán bộ vận hành phê duyệt."
        }
      },
      "PROVIDER_STATUS_TRANSITION_INVALID": {
        "status": 409,
        "stage": "OPERATIONS",
        "action": "NONE",
        "since": "1.1.0",
        "legalBasis": "Decree 337/2025 Art. 15.4; Decision on the Platform N8, F12",
        "title": {
          "en": "Provider status change not allowed",
          "vi": "Không được phép chuyển trạng thái nhà cung cấp"
        },
        "fix": {
          "en": "A SUSPENDED provider can be restored or disconnected; a DISCONNECTED provider stays disconnected and must register again.",
          "vi": "Nhà cung cấp đang tạm ngừng có thể được khôi phục hoặc ngừng kết nối; nhà cung cấp đã ngừng kết nối phải đăng ký lại."
        }
      },
      "PROVIDER_REPORT_NOT_FOUND": {
        "status": 404,
        "stage": "OPERATIONS",
        "action": "NONE",
        "since": "1.1.0",
        "title": {
          "en": "Monthly report not found",
          "vi": "Không tìm thấy báo cáo định kỳ"
        },
        "fix": {
          "en": "Check the report id; a provider can only read its own monthly reports.",
          "vi": "Kiểm tra lại mã báo cáo; nhà cung cấp chỉ xem được báo cáo định kỳ của chính mình."
        }
      },
      "PROVIDER_REPORT_CONFLICT": {
        "status": 409,
        "stage": "OPERATIONS",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.1.0",
        "legalBasis": "Decree 337/2025 Art. 25.6; Decision on the Platform F33",
        "title": {
          "en": "Monthly report already sent with other content",
          "vi": "Báo cáo tháng đã được gửi với nội dung khác"
        },
        "fix": {
          "en": "To correct the report, send it again in full with replacesVersion set to its latest version (see listProviderReports).",
          "vi": "Để sửa báo cáo, gửi lại toàn bộ báo cáo với replacesVersion là phiên bản mới nhất của báo cáo (xem listProviderReports)."
        }
      },
      "REPORTING_PERIOD_NOT_ENDED": {
        "status": 409,
        "stage": "OPERATIONS",
        "action": "NONE",
        "since": "1.1.0",
        "legalBasis": "Decree 337/2025 Art. 25.6; Decision on the Platform F33, F38",
        "title": {
          "en": "The month has not ended yet",
          "vi": "Tháng báo cáo chưa kết thúc"
        },
        "fix": {
          "en": "A month is reported on once it has ended (00:00 on the 1st of the next month, Vietnam time); send it then.",
          "vi": "Chỉ báo cáo về một tháng khi tháng đó đã kết thúc (00:00 ngày 01 tháng sau, giờ Việt Nam); vui lòng gửi sau thời điểm đó."
        }
      },
      "ATTACHMENT_DIGEST_MISMATCH": {
        "status": 422,
        "stage": "OPERATIONS",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.1.0",
        "title": {
          "en": "Attachment does not match its SHA-256",
          "vi": "Tệp đính kèm không khớp với mã băm SHA-256"
        },
        "fix": {
          "en": "Compute the SHA-256 of the exact file bytes (lowercase hex) and send the file again with it.",
          "vi": "Tính SHA-256 trên đúng các byte của tệp (dạng hex chữ thường) rồi gửi lại tệp kèm mã băm đó."
        }
      },
      "VIOLATION_REPORT_NOT_FOUND": {
        "status": 404,
        "stage": "OPERATIONS",
        "action": "NONE",
        "since": "1.1.0",
        "title": {
          "en": "Violations report not found",
          "vi": "Không tìm thấy báo cáo vi phạm"
        },
        "fix": {
          "en": "Check the report id and the provider id; only providers with a violation have a line in the report.",
          "vi": "Kiểm tra lại mã báo cáo và mã nhà cung cấp; chỉ nhà cung cấp có vi phạm mới có dòng trong báo cáo."
        }
      },
      "IP_NOT_ALLOWED": {
        "status": 403,
        "stage": "AUTH_TRANSPORT",
        "action": "FIX_AND_RESUBMIT",
        "since": "1.1.0",
        "legalBasis": "Decision on the Platform N8 (provider technical info), T16",
        "title": {
          "en": "Address not in the IP allow-list",
          "vi": "Địa chỉ IP không nằm trong danh sách được phép"
        },
        "fix": {
          "en": "Call from an address in your registered IP allow-list, or ask the Ministry of Home Affairs to update the list.",
          "vi": "Gọi từ một địa chỉ thuộc danh sách IP đã đăng ký, hoặc đề nghị Bộ Nội vụ cập nhật danh sách này."
        }
      },
      "PROCESSING_FAILED": {
        "status": 500,
        "stage": "PLATFORM",
        "action": "RETRY",
        "since": "1.1.0",
        "title": {
          "en": "The Platform could not process the submission",
          "vi": "Nền tảng không xử lý được hồ sơ"
        },
        "fix": {
          "en": "The failure is on the Platform's side, not in your submission; send the same package again later (it is accepted as new work), and report the transactionId if it persists.",
          "vi": "Lỗi phát sinh từ phía Nền tảng, không phải do hồ sơ của bạn; hãy gửi lại nguyên hồ sơ sau (hồ sơ được tiếp nhận xử lý lại) và báo mã giao dịch nếu lỗi còn tiếp diễn."
        }
      }
    }
  }
} as const;
