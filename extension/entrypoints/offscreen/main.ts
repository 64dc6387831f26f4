import { buildClassifierService } from '../../lib/offscreen/classifier-service';
import { isOffscreenExplainRequest } from '../../lib/explain-messages';
import { buildWorkerPreparer } from '../../lib/offscreen/image-preparer';
import { listenForRequests, listenForWorkerMessages } from '../../lib/offscreen/listen-for-requests';
import { loadPackagedModel } from '../../lib/offscreen/load-packaged-model';

// The offscreen document: tfjs, the backend choice and the packaged models live here (images are
// decoded in its prepare worker), created once by the background and kept while the browser runs.
// The listener is registered at once so the request that caused the document's creation is not
// missed.
const service = buildClassifierService(loadPackagedModel, buildWorkerPreparer());
listenForRequests((request) => service.classify(request));
listenForWorkerMessages(isOffscreenExplainRequest, (request) => service.explain(request));
