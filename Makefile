# Used by `sam build` (template.yaml: Metadata BuildMethod makefile, ContextPath .) — no Docker needed.
# sam runs `make --makefile <this file> build-<LogicalId>` with ARTIFACTS_DIR set, once per function.
# Each target copies the module's shaded jar, functions/<module>/target/<module>.jar, into $(ARTIFACTS_DIR)/lib/
# (Lambda's java21 runtime puts lib/*.jar on the class path).
#
# The jars come from one Maven reactor run: if any jar is missing or older than a source or pom, the first target
# runs `mvn package` once for all function modules (under a lock, so `sam build --parallel` runs it once too);
# the other targets then find their jars fresh.
# USE_PREBUILT_JARS=1 never runs Maven: the jars must already exist (tests, CI after `mvn package`).

SHELL := /bin/sh
ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
MVN ?= mvn
MVN_ARGS ?= -q -B -DskipTests
LOCK := $(or $(TMPDIR),/tmp)/bijie-innovation-sam-maven.lock
comma := ,
empty :=
space := $(empty) $(empty)

# LogicalId:module, as in docs/CONTRACTS.md
FUNCTIONS := \
  OrganizationsFunction:organizations \
  SubmitApplicationFunction:submit-application \
  DocumentsFunction:documents \
  RecordCertificationFunction:record-certification \
  CalculateSubsidyFunction:calculate-subsidy \
  SubsidiesFunction:subsidies \
  SendRemindersFunction:send-reminders \
  IndicatorsFunction:indicators \
  PublicPolicyFunction:subsidies \
  IndicatorsRecountFunction:indicators \
  CultivationFunction:cultivation \
  NoticesFunction:notices \
  PublicNoticesFunction:notices \
  PublicObjectionsFunction:notices \
  LedgerFunction:notices \
  ImportsFunction:imports \
  ImportRecognitionsFunction:imports \
  ImportNoticesFunction:import-notices \
  NotifyApplicantsFunction:notify-applicants \
  AuditFunction:audit \
  AuditVerifyFunction:audit \
  MaintenanceFunction:maintenance \
  MailFeedbackFunction:mail-feedback

MODULES := $(sort $(foreach f,$(FUNCTIONS),$(word 2,$(subst :, ,$(f)))))
jar_of = $(ROOT)/functions/$(1)/target/$(1).jar
JARS := $(foreach m,$(MODULES),$(call jar_of,$(m)))

.PHONY: jars
jars: $(JARS)

ifeq ($(USE_PREBUILT_JARS),1)
$(JARS):
	@echo "missing $@ - run 'mvn -DskipTests package' first (USE_PREBUILT_JARS=1 never runs Maven)" >&2; exit 1
else
SOURCES := $(ROOT)/pom.xml $(ROOT)/shared/pom.xml \
  $(shell find $(ROOT)/shared/src $(foreach m,$(MODULES),$(ROOT)/functions/$(m)/src $(ROOT)/functions/$(m)/pom.xml) -type f 2>/dev/null)
ifeq ($(MAVEN_LOCKED),1)
$(JARS) &: $(SOURCES)
	cd "$(ROOT)" && $(MVN) $(MVN_ARGS) -pl $(subst $(space),$(comma),$(foreach m,$(MODULES),functions/$(m))) -am package
	touch -c $(JARS)
else
# re-enter under the lock: a waiting build re-checks the timestamps and finds the jars fresh
$(JARS) &: $(SOURCES)
	flock "$(LOCK)" $(MAKE) --no-print-directory -f "$(ROOT)/Makefile" MAVEN_LOCKED=1 jars
endif
endif

define FUNCTION_RULE
.PHONY: build-$(1)
build-$(1): $(call jar_of,$(2))
	@test -n "$$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this through sam build" >&2; exit 1; }
	rm -rf "$$(ARTIFACTS_DIR)/lib"
	mkdir -p "$$(ARTIFACTS_DIR)/lib"
	cp "$(call jar_of,$(2))" "$$(ARTIFACTS_DIR)/lib/$(2).jar"
endef
$(foreach f,$(FUNCTIONS),$(eval $(call FUNCTION_RULE,$(word 1,$(subst :, ,$(f))),$(word 2,$(subst :, ,$(f))))))
